package org.mutualis.platform.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of a service's API security.
 *
 * @param publicPaths request patterns anyone may call without a token, as {@code METHOD /path/**} or {@code /path/**}
 * @param revocationsRefresh how old each instance's copy of the token revocations may be (see {@link TokenRevocations}):
 * how long a suspension or membership change recorded by another instance of the service can take to reach this one
 */
@ConfigurationProperties("mutualis.security")
public record SecurityProperties(@DefaultValue List<String> publicPaths,
		@DefaultValue("1s") Duration revocationsRefresh) {
}
