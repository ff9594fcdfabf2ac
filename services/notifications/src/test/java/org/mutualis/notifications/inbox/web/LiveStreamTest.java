package org.mutualis.notifications.inbox.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.mutualis.notifications.NotificationsTestSupport;
import org.mutualis.notifications.inbox.Inbox;
import org.mutualis.notifications.inbox.Notification;
import org.mutualis.notifications.inbox.messaging.BookingEvents;
import org.mutualis.notifications.preferences.Category;
import org.mutualis.platform.web.EventStreams;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class LiveStreamTest extends NotificationsTestSupport {

	private static final Pattern ID = Pattern.compile("^id:(\\d+)$", Pattern.MULTILINE);

	private static final Pattern UNREAD = Pattern.compile("event:unread\\ndata:\\{\"unread\":(\\d+)\\}");

	@Autowired
	private BookingEvents events;

	@Autowired
	private Inbox inbox;

	@Autowired
	private LiveStreams streams;

	@Autowired
	private EventStreams open;

	@Test
	void pushesEachNewNotificationAndTheUnreadCount() throws Exception {
		MvcResult stream = open(null);
		await().atMost(Duration.ofSeconds(10)).until(() -> text(stream).contains("event:unread"));
		assertThat(unreadCounts(stream)).containsExactly(0L);
		confirmation();
		confirmation();
		await().atMost(Duration.ofSeconds(10)).until(() -> ids(stream).size() == 2 && unreadCounts(stream).contains(2L));
		assertThat(ids(stream)).containsExactly(1L, 2L);
		assertThat(text(stream)).contains("event:notification").contains("Booking confirmed: Le Phare multipurpose room");
		this.mvc.perform(post("/api/notifications/inbox/read-all").with(as(this.requester, this.borrower, "MEMBER")));
		await().atMost(Duration.ofSeconds(10)).until(() -> unreadCounts(stream).getLast() == 0L);
	}

	@Test
	void aReconnectWithLastEventIdResumesWithNoLossAndNoDuplicate() throws Exception {
		MvcResult first = open(null);
		confirmation();
		confirmation();
		await().atMost(Duration.ofSeconds(10)).until(() -> ids(first).size() == 2);
		// the client saw 1, lost the connection, and 2 and 3 arrived meanwhile
		confirmation();
		MvcResult resumed = open("1");
		await().atMost(Duration.ofSeconds(10)).until(() -> ids(resumed).size() == 2);
		confirmation();
		await().atMost(Duration.ofSeconds(10)).until(() -> ids(resumed).size() == 3 && ids(first).size() == 4);
		assertThat(ids(resumed)).containsExactly(2L, 3L, 4L);
		assertThat(ids(first)).containsExactly(1L, 2L, 3L, 4L);
	}

	@Test
	void aLastEventIdPastTheNewestStartsAfterTheNewestAndHoldsNothingBack() throws Exception {
		confirmation();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.inbox.newest(this.requester) == 1);
		MvcResult stream = open("100");
		await().atMost(Duration.ofSeconds(10)).until(() -> text(stream).contains("event:unread"));
		confirmation();
		await().atMost(Duration.ofSeconds(10)).until(() -> ids(stream).size() == 1);
		assertThat(ids(stream)).containsExactly(2L);
	}

	@Test
	void aBatchIsHandedToTheStreamAndAnotherInstancesWriteIsFoundByThePoll() throws Exception {
		MvcResult stream = open(null);
		await().atMost(Duration.ofSeconds(10)).until(() -> text(stream).contains("event:unread"));
		List<String> batch = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			batch.add(bookingEvent("confirmed", Map.of("bookingId", UUID.randomUUID().toString())));
		}
		this.events.applyAll(batch);
		await().atMost(Duration.ofSeconds(10)).until(() -> ids(stream).size() == 30);
		// written by another instance: nothing handed over here, the poll reads it from the store
		this.inbox.add(new Notification(UUID.randomUUID().toString(), this.requester, 0, "booking.confirmed",
				Category.BOOKINGS, "t", "b", "/bookings/elsewhere", null, null, java.time.Instant.now(), null));
		await().atMost(Duration.ofSeconds(10)).until(() -> ids(stream).size() == 31);
		confirmation();
		await().atMost(Duration.ofSeconds(10)).until(() -> ids(stream).size() == 32 && unreadCounts(stream).contains(32L));
		assertThat(ids(stream)).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 32).boxed().toList());
	}

	@Test
	void anIdleStreamIsKeptAliveWithComments() throws Exception {
		MvcResult stream = open(null);
		await().atMost(Duration.ofSeconds(10)).until(() -> text(stream).contains(":keep-alive"));
		assertThat(ids(stream)).isEmpty();
	}

	@Test
	void stoppingEndsTheOpenStreamsAndOpensNoMoreSoThatShutdownDoesNotWaitForThem() throws Exception {
		MvcResult stream = open(null);
		await().atMost(Duration.ofSeconds(10)).until(() -> text(stream).contains("event:unread"));
		assertThat(this.streams.open()).isPositive();
		try {
			this.open.stop();
			assertThat(this.streams.open()).isZero();
			// the request ends (its async processing completes) instead of waiting for the stream's timeout
			stream.getAsyncResult(5_000);
			MvcResult late = open(null);
			late.getAsyncResult(5_000);
			assertThat(this.streams.open()).isZero();
		}
		finally {
			this.open.start();
		}
		MvcResult again = open(null);
		await().atMost(Duration.ofSeconds(10)).until(() -> text(again).contains("event:unread"));
	}

	@Test
	void pastTheMostStreamsOfAPersonTheOldestGivesWay() throws Exception {
		// a page left is noticed only at the next write through every proxy: refusing the newest stream left the
		// page in front of the person without its badge while the streams of pages already gone held their places
		LiveStreams two = new LiveStreams(this.inbox, Duration.ofMinutes(5), 2, Duration.ofSeconds(15),
				new SimpleMeterRegistry(), this.open);
		try {
			String person = UUID.randomUUID().toString();
			SseEmitter first = two.open(person, 0);
			SseEmitter second = two.open(person, 0);
			assertThat(two.open()).isEqualTo(2);
			SseEmitter third = two.open(person, 0);
			assertThat(two.open()).isEqualTo(2);
			assertThatThrownBy(() -> first.send("after")).isInstanceOf(IllegalStateException.class);
			second.send("still open");
			third.send("still open");
			// another person's streams are not counted with these
			two.open(UUID.randomUUID().toString(), 0);
			assertThat(two.open()).isEqualTo(3);
		}
		finally {
			two.close();
		}
	}

	@Test
	void refusesAnUnreadableLastEventIdAndAnonymousCallers() throws Exception {
		this.mvc.perform(get("/api/notifications/stream").header("Last-Event-ID", "yesterday")
			.with(as(this.requester, this.borrower, "MEMBER")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:last-event-id-invalid"));
		this.mvc.perform(get("/api/notifications/stream")).andExpect(status().isUnauthorized());
	}

	private MvcResult open(String lastEventId) throws Exception {
		var request = get("/api/notifications/stream").with(as(this.requester, this.borrower, "MEMBER"));
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		return this.mvc.perform(request).andExpect(request().asyncStarted()).andReturn();
	}

	private void confirmation() {
		this.events.apply(bookingEvent("confirmed", Map.of("bookingId", UUID.randomUUID().toString())));
	}

	private static String text(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private static List<Long> ids(MvcResult result) throws Exception {
		return numbers(ID.matcher(text(result)));
	}

	private static List<Long> unreadCounts(MvcResult result) throws Exception {
		return numbers(UNREAD.matcher(text(result)));
	}

	private static List<Long> numbers(Matcher matcher) {
		List<Long> numbers = new ArrayList<>();
		while (matcher.find()) {
			numbers.add(Long.parseLong(matcher.group(1)));
		}
		return numbers;
	}

}
