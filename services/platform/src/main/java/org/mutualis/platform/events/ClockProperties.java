package org.mutualis.platform.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service's clock. An offset moves the service's notion of "now" (tokens are still checked against real time);
 * it exists so that whole-system tests and demonstrations can let days pass — e.g. a booking completing — and must
 * stay zero in production.
 *
 * @param offset how far the service's clock is ahead of real time (negative: behind)
 */
@ConfigurationProperties("mutualis.clock")
public record ClockProperties(@DefaultValue("0s") Duration offset) {
}
