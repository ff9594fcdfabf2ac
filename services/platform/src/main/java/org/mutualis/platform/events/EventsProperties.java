package org.mutualis.platform.events;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the event plumbing of a service.
 *
 * @param source CloudEvents {@code source} of what this service publishes, e.g. {@code /mutualis/identity}
 * @param outboxCollections collections whose documents carry an {@code outbox} array to relay
 * @param relayInterval the fallback poll: longest pause between two relay passes when no commit wakes the relay
 * ({@link OutboxWakeUp})
 * @param relayBatchSize documents read per relay query
 * @param relayScanInterval longest pause between two scans of the outbox collections, for events no commit signal
 * announced to this instance
 * @param sendTimeout how long the relay waits for Kafka to acknowledge one event
 * @param retryBackoff pause after a failed pass (broker or database away)
 * @param consumerRetries how many times a failing message is retried before it goes to the dead-letter topic
 */
@Validated
@ConfigurationProperties("mutualis.events")
public record EventsProperties(@NotBlank String source, @DefaultValue List<String> outboxCollections,
		@DefaultValue("1s") Duration relayInterval, @DefaultValue("200") @Min(1) int relayBatchSize,
		@DefaultValue("10s") Duration sendTimeout, @DefaultValue("2s") Duration retryBackoff,
		@DefaultValue("2") @Min(0) int consumerRetries, @DefaultValue("1m") Duration relayScanInterval) {
}
