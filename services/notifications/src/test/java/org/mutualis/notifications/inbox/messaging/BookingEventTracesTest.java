package org.mutualis.notifications.inbox.messaging;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mutualis.notifications.NotificationsTestSupport;
import org.mutualis.platform.events.Topics;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each booking event of a batch is applied in the trace of the request that caused it: its record's
 * {@code traceparent} header is continued, so its {@code applied} log line carries that trace id — another one for
 * each record of the same batch.
 */
@ExtendWith(OutputCaptureExtension.class)
class BookingEventTracesTest extends NotificationsTestSupport {

	@Autowired
	private BookingEvents events;

	@Test
	void eachRecordOfABatchIsAppliedInTheTraceOfItsTraceparentHeader(CapturedOutput output) {
		String requested = bookingEvent("requested", Map.of("bookingId", "b1-" + this.listing));
		String confirmed = bookingEvent("confirmed", Map.of("bookingId", "b2-" + this.listing));
		String firstTrace = hex(16);
		String secondTrace = hex(16);
		String firstSpan = hex(8);

		this.events.onMessages(List.of(record(0, requested, "00-" + firstTrace + "-" + firstSpan + "-01"),
				record(1, confirmed, "00-" + secondTrace + "-" + hex(8) + "-01")));

		String first = line(output, "applied mutualis.booking.requested.v1 " + id(requested) + " ");
		String second = line(output, "applied mutualis.booking.confirmed.v1 " + id(confirmed) + " ");
		assertThat(first).as("the first record's line continues its trace in a span of its own")
			.contains("[" + firstTrace + ",")
			.doesNotContain(firstSpan)
			.endsWith("(" + BookingEvents.CONSUMER + ")");
		assertThat(second).contains("[" + secondTrace + ",");
	}

	private ConsumerRecord<String, String> record(long offset, String json, String traceparent) {
		ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.BOOKINGS, 0, offset, "key", json);
		record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.US_ASCII));
		return record;
	}

	private String id(String json) {
		return this.json.readTree(json).get("id").asString();
	}

	private static String line(CapturedOutput output, String text) {
		return output.getOut().lines().filter((line) -> line.contains(text)).findFirst()
			.orElseThrow(() -> new AssertionError("no line with '" + text + "' in the log"));
	}

	private static String hex(int bytes) {
		byte[] random = new byte[bytes];
		ThreadLocalRandom.current().nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

}
