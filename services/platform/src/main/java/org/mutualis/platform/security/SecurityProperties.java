package org.mutualis.platform.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of a service's API security.
 *
 * @param publicPaths request patterns anyone may call without a token, as {@code METHOD /path/**} or {@code /path/**}
 */
@ConfigurationProperties("mutualis.security")
public record SecurityProperties(@DefaultValue List<String> publicPaths) {
}
