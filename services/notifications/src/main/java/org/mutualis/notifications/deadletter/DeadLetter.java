package org.mutualis.notifications.deadletter;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A message some consumer could not process, as its dead-letter topic received it.
 *
 * @param id where it sits: {@code <dead-letter topic>-<partition>-<offset>}
 * @param topic the topic it came from (not the dead-letter topic)
 * @param partition its partition there, if the dead-letter headers say
 * @param offset its offset there, if the dead-letter headers say
 * @param key its key
 * @param value the message itself
 * @param error the error that sent it to the dead-letter topic
 * @param exception the class of that error
 * @param consumerGroup the consumer group that failed, if the headers say
 * @param receivedAt when the dead-letter topic received it
 * @param replayedAt when an administrator last replayed it; {@code null} if never
 * @param replays how many times it was replayed
 */
public record DeadLetter(String id, String topic, @Nullable Integer partition, @Nullable Long offset, @Nullable String key,
		String value, String error, String exception, @Nullable String consumerGroup, Instant receivedAt,
		@Nullable Instant replayedAt, int replays) {
}
