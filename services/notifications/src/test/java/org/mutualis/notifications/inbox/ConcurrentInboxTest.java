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

import org.junit.jupiter.api.Test;
import org.mutualis.notifications.NotificationsTestSupport;
import org.mutualis.notifications.conversation.Conversation;
import org.mutualis.notifications.conversation.Conversations;
import org.mutualis.notifications.conversation.application.Conversing;
import org.mutualis.notifications.directory.BookingDirectory;
import org.mutualis.notifications.directory.BookingParties;
import org.mutualis.notifications.preferences.Category;
import org.mutualis.platform.security.Actor;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Many writers released together by a latch: inbox numbers stay unique and gapless, and no message is lost. */
class ConcurrentInboxTest extends NotificationsTestSupport {

	private static final int THREADS = 8;

	private static final int EACH = 5;

	@Autowired
	private Inbox inbox;

	@Autowired
	private Conversing conversing;

	@Autowired
	private Conversations conversations;

	@Autowired
	private BookingDirectory bookings;

	@Test
	void concurrentNotificationsOfOnePersonGetNumbersOneToNInTheOrderTheyBecameVisible() throws Exception {
		String person = "concurrent-" + UUID.randomUUID();
		List<Future<?>> done = run(() -> {
			for (int i = 0; i < EACH; i++) {
				this.inbox.add(new Notification(UUID.randomUUID().toString(), person, 0, "booking.confirmed",
						Category.BOOKINGS, "t", "b", "/bookings/x", null, null, Instant.now(), null));
			}
		});
		for (Future<?> future : done) {
			future.get(60, TimeUnit.SECONDS);
		}
		List<Long> numbers = this.inbox.after(person, 0, 1000).stream().map(Notification::sequence).toList();
		assertThat(numbers).hasSize(THREADS * EACH);
		assertThat(numbers).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, THREADS * EACH).boxed().toList());
	}

	@Test
	void concurrentPostsToOneConversationAreAllKept() throws Exception {
		String bookingId = UUID.randomUUID().toString();
		this.bookings.record(new BookingParties(bookingId, this.listing, this.owner, this.borrower, "Salle", "Room"));
		Actor member = new Actor(this.requester, this.borrower, java.util.Set.of(Actor.MEMBER));
		this.conversing.postAboutBooking(member, bookingId, "premier");
		List<Future<?>> done = run(() -> this.conversing.postAboutBooking(member, bookingId, "en même temps"));
		List<Throwable> failures = new ArrayList<>();
		for (Future<?> future : done) {
			try {
				future.get(60, TimeUnit.SECONDS);
			}
			catch (java.util.concurrent.ExecutionException ex) {
				failures.add(ex.getCause());
			}
		}
		Conversation conversation = this.conversations.find(Conversation.ofBooking(bookingId)).orElseThrow();
		// each loser of a race posts again after the winner: every message is kept, none twice
		assertThat(failures).isEmpty();
		assertThat(conversation.state().messages()).hasSize(1 + THREADS);
		assertThat(conversation.state().messages().stream().map((m) -> m.id()).distinct()).hasSize(1 + THREADS);
		assertThat(conversation.version()).isEqualTo(conversation.state().messages().size() - 1);
	}

	private static List<Future<?>> run(Runnable work) {
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> futures = new ArrayList<>();
		for (int t = 0; t < THREADS; t++) {
			futures.add(pool.submit(() -> {
				start.await();
				work.run();
				return null;
			}));
		}
		start.countDown();
		pool.shutdown();
		return futures;
	}

}
