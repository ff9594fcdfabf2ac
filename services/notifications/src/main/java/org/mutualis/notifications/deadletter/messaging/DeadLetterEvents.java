package org.mutualis.notifications.deadletter.messaging;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;
import org.mutualis.notifications.deadletter.DeadLetter;
import org.mutualis.notifications.deadletter.DeadLetters;
import org.mutualis.platform.events.Topics;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

/**
 * Reads the dead-letter topics of every Mutualis topic into the dead-letter collection, with the error and origin
 * that the platform's dead-letter publisher wrote in the headers. Nothing else reads those topics.
 */
@Component
public class DeadLetterEvents {

	private static final String BATCH_FAILURE = "org.springframework.kafka.listener.BatchListenerFailedException";

	private static final String CAUSED_BY = "Caused by: ";

	private final DeadLetters letters;

	DeadLetterEvents(DeadLetters letters) {
		this.letters = letters;
	}

	@KafkaListener(id = "notifications-dead-letters", groupId = "${spring.kafka.consumer.group-id}-dead-letters",
			topics = { Topics.IDENTITY + Topics.DEAD_LETTER_SUFFIX, Topics.LISTINGS + Topics.DEAD_LETTER_SUFFIX,
					Topics.BOOKINGS + Topics.DEAD_LETTER_SUFFIX, Topics.CONVERSATIONS + Topics.DEAD_LETTER_SUFFIX })
	void onMessage(ConsumerRecord<String, @Nullable String> record) {
		keep(record);
	}

	/**
	 * Keeps one record of a dead-letter topic.
	 * @param record the record
	 * @return the letter kept
	 */
	public DeadLetter keep(ConsumerRecord<String, @Nullable String> record) {
		Headers headers = record.headers();
		String original = text(headers, KafkaHeaders.DLT_ORIGINAL_TOPIC);
		if (original == null) {
			original = record.topic().endsWith(Topics.DEAD_LETTER_SUFFIX)
					? record.topic().substring(0, record.topic().length() - Topics.DEAD_LETTER_SUFFIX.length())
					: record.topic();
		}
		String error = text(headers, KafkaHeaders.DLT_EXCEPTION_MESSAGE);
		String exception = text(headers, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN);
		if (exception == null) {
			exception = text(headers, KafkaHeaders.DLT_EXCEPTION_FQCN);
		}
		if (BATCH_FAILURE.equals(exception)) {
			// a batch listener names the failed record with a wrapper: the real error is the trace's innermost cause
			exception = innermostCause(text(headers, KafkaHeaders.DLT_EXCEPTION_STACKTRACE), exception);
		}
		byte[] partition = bytes(headers, KafkaHeaders.DLT_ORIGINAL_PARTITION);
		byte[] offset = bytes(headers, KafkaHeaders.DLT_ORIGINAL_OFFSET);
		DeadLetter letter = new DeadLetter(record.topic() + "-" + record.partition() + "-" + record.offset(), original,
				(partition != null && partition.length == Integer.BYTES) ? ByteBuffer.wrap(partition).getInt() : null,
				(offset != null && offset.length == Long.BYTES) ? ByteBuffer.wrap(offset).getLong() : null, record.key(),
				(record.value() != null) ? record.value() : "", (error != null) ? error : "",
				(exception != null) ? exception : "", text(headers, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP),
				Instant.ofEpochMilli(record.timestamp()), null, 0);
		this.letters.keep(letter);
		return letter;
	}

	private static String innermostCause(@Nullable String trace, String otherwise) {
		if (trace == null) {
			return otherwise;
		}
		String cause = otherwise;
		for (String line : trace.lines().toList()) {
			if (line.startsWith(CAUSED_BY)) {
				String named = line.substring(CAUSED_BY.length());
				int colon = named.indexOf(':');
				cause = ((colon >= 0) ? named.substring(0, colon) : named).strip();
			}
		}
		return cause;
	}

	private static byte @Nullable [] bytes(Headers headers, String name) {
		Header header = headers.lastHeader(name);
		return (header != null) ? header.value() : null;
	}

	private static @Nullable String text(Headers headers, String name) {
		byte[] value = bytes(headers, name);
		return (value != null) ? new String(value, StandardCharsets.UTF_8) : null;
	}

}
