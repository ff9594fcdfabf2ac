package org.mutualis.system;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A steady load through the gateway while instances stop and start: a few workers, each calling in turn a search, a
 * listing, its availability, a booking read, the inbox, and a booking request with an {@code Idempotency-Key} — all
 * calls the gateway may retry on another instance. It notes every failure (a 5xx or no answer) and every booking
 * acknowledged with 201.
 */
final class SteadyLoad implements AutoCloseable {

	private static final Duration PAUSE = Duration.ofMillis(80);

	private final Api anonymous;

	private final Tokens member;

	private final String listingId;

	private final String searchWord;

	private final List<Thread> workers = new ArrayList<>();

	private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

	private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

	private final AtomicInteger answered = new AtomicInteger();

	private volatile boolean running = true;

	/**
	 * @param anonymous the gateway, without a token
	 * @param member a member's tokens, refreshed before they expire
	 * @param listingId a published listing the member may book (with capacity to spare)
	 * @param searchWord a word its title holds
	 */
	SteadyLoad(Api anonymous, Tokens member, String listingId, String searchWord) {
		this.anonymous = anonymous;
		this.member = member;
		this.listingId = listingId;
		this.searchWord = searchWord;
	}

	/**
	 * Starts the workers.
	 * @param count how many
	 * @return this load
	 */
	SteadyLoad start(int count) {
		for (int i = 0; i < count; i++) {
			int offset = i;
			this.workers.add(Thread.ofPlatform().name("steady-load-" + i).start(() -> work(offset)));
		}
		return this;
	}

	private void work(int offset) {
		String lastBooking = null;
		for (int call = offset; this.running; call++) {
			String name = "";
			try {
				Api member = this.anonymous.as(this.member.current());
				Api.Response response = switch (call % 6) {
					case 0 -> {
						name = "GET search";
						yield this.anonymous.get("/api/listings/search?q=" + this.searchWord);
					}
					case 1 -> {
						name = "GET listing";
						yield this.anonymous.get("/api/listings/" + this.listingId);
					}
					case 2 -> {
						name = "GET availability";
						yield this.anonymous.get("/api/bookings/listings/" + this.listingId + "/availability?from="
								+ Instant.now().plus(Duration.ofDays(1)) + "&to=" + Instant.now().plus(Duration.ofDays(2)));
					}
					case 3 -> {
						name = "GET inbox";
						yield member.get("/api/notifications/inbox");
					}
					case 4 -> {
						name = "GET booking";
						yield (lastBooking != null) ? member.get("/api/bookings/" + lastBooking)
								: member.get("/api/bookings");
					}
					default -> {
						name = "POST booking (keyed)";
						yield book(member);
					}
				};
				if (response.status() >= 500) {
					this.failures.add(Instant.now() + " " + name + " → " + response.status() + " " + response.body());
				}
				else if (name.startsWith("POST") && response.status() == 201) {
					lastBooking = response.json().get("id").asString();
					this.acknowledged.add(lastBooking);
				}
				this.answered.incrementAndGet();
			}
			catch (Exception ex) {
				this.failures.add(Instant.now() + " " + name + " → " + ex);
			}
			try {
				Thread.sleep(PAUSE);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	private Api.Response book(Api member) throws Exception {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		ZonedDateTime start = ZonedDateTime.now(BookingJourneyIT.TORONTO).truncatedTo(java.time.temporal.ChronoUnit.HOURS)
			.plusDays(1 + random.nextInt(27)).withHour(8 + random.nextInt(10));
		return member.send(member.request("/api/bookings")
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(HttpRequest.BodyPublishers.ofString(
					BookingJourneyIT.bookingJson(this.listingId, start, start.plusHours(1), 1))));
	}

	/** @return how many calls were answered so far */
	int answered() {
		return this.answered.get();
	}

	/** @return the calls that failed: a 5xx, or no answer */
	List<String> failures() {
		synchronized (this.failures) {
			return List.copyOf(this.failures);
		}
	}

	/** @return the ids of the bookings answered 201 */
	Set<String> acknowledged() {
		return Set.copyOf(this.acknowledged);
	}

	/** Stops the workers and waits for their last calls. */
	@Override
	public void close() throws InterruptedException {
		this.running = false;
		for (Thread worker : this.workers) {
			worker.join(Duration.ofSeconds(60));
		}
	}

	/** A person's access token, fetched again before its five minutes are up. */
	static final class Tokens {

		private final TokenClient client;

		private final String email;

		private final String organisation;

		private String token = "";

		private Instant fetched = Instant.EPOCH;

		Tokens(TokenClient client, String email, String organisation) {
			this.client = client;
			this.email = email;
			this.organisation = organisation;
		}

		synchronized String current() throws Exception {
			if (Duration.between(this.fetched, Instant.now()).compareTo(Duration.ofMinutes(3)) > 0) {
				this.token = this.client.accessToken(this.email, BookingJourneyIT.PASSWORD, this.organisation);
				this.fetched = Instant.now();
			}
			return this.token;
		}

	}

}
