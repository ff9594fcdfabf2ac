package org.mutualis.platform.persistence;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a service waits for its MongoDB store before it answers {@code 503 store-unavailable}: a store that stops
 * answering must not hold requests for the driver's 30-second default.
 *
 * @param serverSelectionTimeout how long an operation waits for a reachable server
 * @param connectTimeout how long opening a connection may take
 * @param readTimeout how long one answer from the server may take
 * @param heartbeatFrequency how often the driver checks the server, so that it notices a frozen or returning store
 * @param writeConcern {@code majority} or a number of members that must acknowledge a write; unset, the connection
 * string's or the driver's default ({@code majority} in the {@code production} profile)
 * @param readConcern the read concern level ({@code majority}, {@code local}, ...); unset, the driver's default
 * ({@code majority} in the {@code production} profile; the embedded store does not support it)
 */
@ConfigurationProperties("mutualis.store")
public record StoreProperties(@DefaultValue("2s") Duration serverSelectionTimeout,
		@DefaultValue("2s") Duration connectTimeout, @DefaultValue("3s") Duration readTimeout,
		@DefaultValue("2s") Duration heartbeatFrequency, @Nullable String writeConcern, @Nullable String readConcern) {
}
