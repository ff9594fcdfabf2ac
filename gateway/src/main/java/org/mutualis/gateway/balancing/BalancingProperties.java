package org.mutualis.gateway.balancing;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway moves a call to another instance of a service.
 * @param retries how many other instances a call may be tried on after the first one failed
 * @param quarantine how long an instance that refused a connection is left out of the balancing (unless every
 * instance of its service is)
 * @param idempotencyKeyPaths calls ({@code "METHOD /pattern"}) whose service replays the answer of a repeated
 * {@code Idempotency-Key}: with that header they are retried like a {@code GET}
 */
@ConfigurationProperties("mutualis.gateway.balancing")
public record BalancingProperties(@DefaultValue("2") int retries, @DefaultValue("5s") Duration quarantine,
		@DefaultValue List<String> idempotencyKeyPaths) {

	public BalancingProperties {
		if (retries < 0 || retries > 5) {
			throw new IllegalArgumentException("mutualis.gateway.balancing.retries must be between 0 and 5");
		}
		if (quarantine.isNegative()) {
			throw new IllegalArgumentException("mutualis.gateway.balancing.quarantine must not be negative");
		}
		for (String path : idempotencyKeyPaths) {
			if (path.trim().split("\\s+").length != 2) {
				throw new IllegalArgumentException(
						"mutualis.gateway.balancing.idempotency-key-paths: '" + path + "' must be 'METHOD /pattern'");
			}
		}
	}

}
