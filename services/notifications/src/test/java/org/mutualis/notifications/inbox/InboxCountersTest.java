package org.mutualis.notifications.inbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.mutualis.notifications.NotificationsTestSupport;
import org.mutualis.notifications.preferences.Category;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-person counter document: numbers written in batches stay gapless, and the unread count stays exact. */
class InboxCountersTest extends NotificationsTestSupport {

	private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

	@Autowired
	private Inbox inbox;

	@Test
	void theUnreadCountFollowsWritesReadsAndPurges() {
		String person = "counted-" + UUID.randomUUID();
		List<Notification> stored = this.inbox.addAll(List.of(draft(person, null), draft(person, NOW), draft(person, null)));
		assertThat(stored).extracting(Notification::sequence).containsExactly(1L, 2L, 3L);
		this.inbox.add(draft(person, null));
		assertThat(this.inbox.unread(person)).isEqualTo(3).isEqualTo(scanned(person));
		assertThat(this.inbox.markRead(person, stored.get(0).id(), NOW)).isTrue();
		assertThat(this.inbox.markRead(person, stored.get(0).id(), NOW)).isTrue();
		assertThat(this.inbox.unread(person)).isEqualTo(2).isEqualTo(scanned(person));
		assertThat(this.inbox.markAllRead(person, NOW)).isEqualTo(2);
		assertThat(this.inbox.unread(person)).isZero();
		Notification old = this.inbox.add(new Notification(UUID.randomUUID().toString(), person, 0, "booking.confirmed",
				Category.BOOKINGS, "t", "b", "/bookings/x", null, null, NOW.minusSeconds(400 * 86_400L), null)).orElseThrow();
		assertThat(this.inbox.unread(person)).isEqualTo(1);
		this.inbox.purgeBefore(NOW.minusSeconds(365 * 86_400L));
		assertThat(this.inbox.exists(old.id())).isFalse();
		assertThat(this.inbox.unread(person)).isZero().isEqualTo(scanned(person));
	}

	@Test
	void aBatchSkipsWhatExistsAndItsOwnRepeats() {
		String person = "repeated-" + UUID.randomUUID();
		Notification first = draft(person, null);
		this.inbox.add(first);
		Notification second = draft(person, null);
		List<Notification> stored = this.inbox.addAll(List.of(first, second, second, draft(person, null)));
		assertThat(stored).extracting(Notification::sequence).containsExactly(2L, 3L);
		assertThat(this.inbox.existing(List.of(first.id(), second.id(), "absent"))).containsExactlyInAnyOrder(first.id(),
				second.id());
		assertThat(this.inbox.unread(person)).isEqualTo(3);
	}

	@Test
	void aCounterWrittenBeforeTheUnreadCountGetsItFromTheInboxOnce() {
		String person = "earlier-" + UUID.randomUUID();
		this.inbox.add(draft(person, null));
		this.inbox.add(draft(person, null));
		this.inbox.add(draft(person, NOW));
		// as the counters of the previous version were: the last number only
		this.mongo.getCollection("inbox_counters")
			.replaceOne(new Document("_id", person), new Document("_id", person).append("last", 3L));
		assertThat(this.inbox.unread(person)).isEqualTo(2);
		this.inbox.add(draft(person, null));
		assertThat(this.inbox.unread(person)).isEqualTo(3).isEqualTo(scanned(person));
	}

	@Test
	void batchesAndSingleWritersRacingKeepNumbersGaplessAndTheCountExact() throws Exception {
		String person = "racing-" + UUID.randomUUID();
		int threads = 6;
		int rounds = 4;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> done = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			boolean batches = t % 2 == 0;
			done.add(pool.submit(() -> {
				start.await();
				for (int i = 0; i < rounds; i++) {
					if (batches) {
						this.inbox.addAll(List.of(draft(person, null), draft(person, null), draft(person, null)));
					}
					else {
						this.inbox.add(draft(person, null));
					}
				}
				return null;
			}));
		}
		start.countDown();
		for (Future<?> future : done) {
			future.get(60, TimeUnit.SECONDS);
		}
		pool.shutdown();
		long expected = (threads / 2) * rounds * 3L + (threads / 2) * rounds;
		assertThat(this.inbox.after(person, 0, 1000)).extracting(Notification::sequence)
			.containsExactlyElementsOf(LongStream.rangeClosed(1, expected).boxed().toList());
		assertThat(this.inbox.unread(person)).isEqualTo(expected).isEqualTo(scanned(person));
	}

	private long scanned(String person) {
		return this.mongo.count(Query.query(Criteria.where("personId").is(person).and("readAt").is(null)), "notifications");
	}

	private static Notification draft(String person, @Nullable Instant readAt) {
		return new Notification(UUID.randomUUID().toString(), person, 0, "booking.confirmed", Category.BOOKINGS, "t", "b",
				"/bookings/x", null, null, NOW, readAt);
	}

}
