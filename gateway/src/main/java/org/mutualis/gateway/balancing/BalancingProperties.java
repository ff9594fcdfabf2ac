package org.mutualis.gateway.balancing;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway chooses among the instances of a service and moves a call to another one.
 * @param retries how many other instances a call may be tried on after the first one failed
 * @param readinessPath the path of each instance's readiness probe; an instance is chosen only while it answers 200
 * there (probed when its service has several instances)
 * @param probeInterval how often every instance of a service with several instances is probed
 * @param probeTimeout how long one probe may take before the instance counts as not ready
 * @param idempotencyKeyPaths calls ({@code "METHOD /pattern"}) whose service replays the answer of a repeated
 * {@code Idempotency-Key}: with that header they are retried like a {@code GET}
 */
@ConfigurationProperties("mutualis.gateway.balancing")
public record BalancingProperties(@DefaultValue("2") int retries,
		@DefaultValue("/actuator/health/readiness") String readinessPath, @DefaultValue("1s") Duration probeInterval,
		@DefaultValue("2s") Duration probeTimeout, @DefaultValue List<String> idempotencyKeyPaths) {

	public BalancingProperties {
		if (retries < 0 || retries > 5) {
			throw new IllegalArgumentException("mutualis.gateway.balancing.retries must be between 0 and 5");
		}
		if (!readinessPath.startsWith("/")) {
			throw new IllegalArgumentException("mutualis.gateway.balancing.readiness-path must start with '/'");
		}
		if (probeInterval.compareTo(Duration.ofMillis(100)) < 0 || probeTimeout.isNegative() || probeTimeout.isZero()) {
			throw new IllegalArgumentException(
					"mutualis.gateway.balancing.probe-interval must be at least 100ms and probe-timeout positive");
		}
		for (String path : idempotencyKeyPaths) {
			if (path.trim().split("\\s+").length != 2) {
				throw new IllegalArgumentException(
						"mutualis.gateway.balancing.idempotency-key-paths: '" + path + "' must be 'METHOD /pattern'");
			}
		}
	}

}
