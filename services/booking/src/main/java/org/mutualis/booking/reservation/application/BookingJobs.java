package org.mutualis.booking.reservation.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.bson.Document;
import org.mutualis.booking.config.BookingProperties;
import org.mutualis.booking.listing.BookableListing;
import org.mutualis.booking.listing.ListingDirectory;
import org.mutualis.booking.reservation.Booking;
import org.mutualis.booking.reservation.BookingStatus;
import org.mutualis.booking.reservation.Bookings;
import org.mutualis.booking.reservation.Hold;
import org.mutualis.booking.reservation.HoldOutcome;
import org.mutualis.booking.reservation.MonthlyQuotas;
import org.mutualis.booking.reservation.Occupancy;
import org.mutualis.platform.problem.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The booking service's scheduled jobs: expiry of unanswered requests, completion after the end, reminders before
 * the start, and the repair of holds and quota places whose booking never got written. Each runs on every instance's
 * schedule but, through ShedLock, executes once per tick across instances; each execution is noted in
 * {@value #RUNS} (kept a day). The {@code …Due} methods do the work for a given time and are what tests call.
 */
@Component
public class BookingJobs {

	/** Collection noting each execution: job, instance, start. */
	public static final String RUNS = "job_runs";

	/** Holds and slot counters that ended this long ago are forgotten by the repair job. */
	static final Duration PRUNE_AFTER = Duration.ofDays(7);

	private static final Logger log = LoggerFactory.getLogger(BookingJobs.class);

	private final Bookings bookings;

	private final Occupancy occupancy;

	private final MonthlyQuotas quotas;

	private final Releases releases;

	private final Waitlisting waitlisting;

	private final ListingDirectory listings;

	private final BookingProperties properties;

	private final MongoTemplate mongo;

	private final Clock clock;

	private final String instance = UUID.randomUUID().toString();

	BookingJobs(Bookings bookings, Occupancy occupancy, MonthlyQuotas quotas, Releases releases, Waitlisting waitlisting,
			ListingDirectory listings, BookingProperties properties, MongoTemplate mongo, Clock clock) {
		this.bookings = bookings;
		this.occupancy = occupancy;
		this.quotas = quotas;
		this.releases = releases;
		this.waitlisting = waitlisting;
		this.listings = listings;
		this.properties = properties;
		this.mongo = mongo;
		this.clock = clock;
	}

	// every minute, each job at its own second unless mutualis.booking.jobs.cron sets one schedule for all: each
	// reads the bookings, and four reads at once held the embedded store's lock on them together
	@Scheduled(cron = "${mutualis.booking.jobs.cron:0 * * * * *}")
	@SchedulerLock(name = "booking-expiry", lockAtLeastFor = "${mutualis.booking.jobs.lock-at-least-for:PT30S}")
	void expire() {
		run("booking-expiry", () -> expireDue(this.clock.instant()));
	}

	@Scheduled(cron = "${mutualis.booking.jobs.cron:15 * * * * *}")
	@SchedulerLock(name = "booking-completion", lockAtLeastFor = "${mutualis.booking.jobs.lock-at-least-for:PT30S}")
	void complete() {
		run("booking-completion", () -> completeDue(this.clock.instant()));
	}

	@Scheduled(cron = "${mutualis.booking.jobs.cron:30 * * * * *}")
	@SchedulerLock(name = "booking-reminders", lockAtLeastFor = "${mutualis.booking.jobs.lock-at-least-for:PT30S}")
	void remind() {
		run("booking-reminders", () -> remindDue(this.clock.instant()));
	}

	@Scheduled(cron = "${mutualis.booking.jobs.cron:45 * * * * *}")
	@SchedulerLock(name = "booking-hold-repair", lockAtLeastFor = "${mutualis.booking.jobs.lock-at-least-for:PT30S}")
	void repair() {
		run("booking-hold-repair", () -> repairHolds(this.clock.instant()));
	}

	/**
	 * Expires the requests nobody answered in time.
	 * @param now the current time
	 * @return how many expired
	 */
	public int expireDue(Instant now) {
		return each(this.bookings.due(Bookings.Due.EXPIRY, now, Duration.ZERO, this.properties.jobBatchSize()),
				(booking, at) -> booking.expire(at), now);
	}

	/**
	 * Completes confirmed bookings whose end is at least the completion grace ago.
	 * @param now the current time
	 * @return how many completed
	 */
	public int completeDue(Instant now) {
		return each(this.bookings.due(Bookings.Due.COMPLETION, now, this.properties.completionGrace(),
				this.properties.jobBatchSize()), (booking, at) -> booking.complete(at), now);
	}

	/**
	 * Announces confirmed bookings that start within the reminder lead.
	 * @param now the current time
	 * @return how many were announced
	 */
	public int remindDue(Instant now) {
		Duration lead = this.properties.reminderLead();
		return each(this.bookings.due(Bookings.Due.REMINDER, now, lead, this.properties.jobBatchSize()),
				(booking, at) -> booking.remind(lead, at), now);
	}

	/**
	 * Gives back holds and quota places older than the repair grace whose booking is missing (a crash between the
	 * occupancy write and the booking write), no longer holds time (a crash after a cancellation was stored) or is of
	 * another listing; moves a hold that is not where its booking is to the booking's time; puts a waiting-list entry
	 * whose offer was never written back in the queue and offers the freed time again; and prunes occupancy that
	 * ended more than {@link #PRUNE_AFTER} ago.
	 * @param now the current time
	 * @return how many holds and places were given back
	 */
	public int repairHolds(Instant now) {
		Instant before = now.minus(this.properties.holdRepairGrace());
		int repaired = 0;
		List<Map.Entry<String, Hold>> holds = this.occupancy.bookingHoldsTakenBefore(before);
		Map<String, Bookings.HeldTime> held = this.bookings.heldTimes(holds.stream().map((e) -> e.getValue().id()).toList());
		Set<String> freed = new LinkedHashSet<>();
		for (Map.Entry<String, Hold> entry : holds) {
			String listingId = entry.getKey();
			Hold hold = entry.getValue();
			Bookings.HeldTime booking = held.get(hold.id());
			if (booking == null || !booking.status().holdsTime() || !booking.listingId().equals(listingId)) {
				if (booking == null) {
					// a waiting-list offer whose booking never got written: its entry waits again (before the
					// release, so that a crash in between leaves a hold this job finds again)
					this.waitlisting.reopenOffer(hold.id());
				}
				if (this.occupancy.release(listingId, hold.id())) {
					log.warn("released hold {} of listing {}: its booking is {}", hold.id(), listingId,
							(booking == null) ? "missing" : (booking.status() + " of listing " + booking.listingId()));
					freed.add(listingId);
					repaired++;
				}
			}
			else if (!hold.occupied().equals(booking.occupied())) {
				repaired += follow(listingId, hold, booking) ? 1 : 0;
			}
		}
		for (String listingId : freed) {
			try {
				this.waitlisting.offerFreedTime(listingId);
			}
			catch (RuntimeException ex) {
				log.warn("offering freed time of listing {} to its waiting list failed", listingId, ex);
			}
		}
		for (Map.Entry<String, List<String>> counter : this.quotas.placesTakenBefore(before).entrySet()) {
			Map<String, BookingStatus> placeStatuses = this.bookings.statuses(counter.getValue());
			for (String bookingId : counter.getValue()) {
				BookingStatus status = placeStatuses.get(bookingId);
				if (status == null || !status.holdsTime()) {
					this.quotas.release(counter.getKey(), bookingId);
					repaired++;
				}
			}
		}
		this.mongo.remove(Query.query(Criteria.where("startedAt").lt(Date.from(now.minus(Duration.ofDays(1))))), RUNS);
		this.occupancy.prune(now.minus(PRUNE_AFTER));
		return repaired;
	}

	/**
	 * Moves a hold to where its booking is (a counter-proposal accepted while the store timed out may leave them
	 * apart, in either direction).
	 */
	private boolean follow(String listingId, Hold hold, Bookings.HeldTime booking) {
		Integer capacity = this.listings.find(listingId).map(BookableListing::capacity).orElse(null);
		if (capacity == null) {
			log.error("hold {} of listing {} is at {} but its booking at {}; the listing is unknown", hold.id(),
					listingId, hold.occupied(), booking.occupied());
			return false;
		}
		if (this.occupancy.move(listingId, hold.id(), booking.occupied(), capacity, hold.heldAt()) == HoldOutcome.HELD) {
			log.warn("moved hold {} of listing {} from {} to {}, where its booking is", hold.id(), listingId,
					hold.occupied(), booking.occupied());
			return true;
		}
		log.error("hold {} of listing {} is at {} but its booking at {}, where the units are taken meanwhile", hold.id(),
				listingId, hold.occupied(), booking.occupied());
		return false;
	}

	private int each(List<String> ids, BiConsumer<Booking, Instant> transition, Instant now) {
		List<String> done = new ArrayList<>();
		for (String id : ids) {
			try {
				this.bookings.find(id).ifPresent((booking) -> {
					transition.accept(booking, now);
					this.bookings.save(booking);
					this.releases.releaseIfFreed(booking);
					done.add(id);
				});
			}
			catch (Refusal ex) {
				// changed meanwhile (answered, cancelled, or another instance was faster): nothing to do
				log.debug("booking {} skipped: {}", id, ex.type());
			}
		}
		return done.size();
	}

	private void run(String job, java.util.function.IntSupplier work) {
		Instant started = this.clock.instant();
		this.mongo.insert(new Document("job", job).append("instance", this.instance).append("startedAt", Date.from(started)),
				RUNS);
		int handled = work.getAsInt();
		if (handled > 0) {
			log.info("{} handled {} booking(s)", job, handled);
		}
	}

}
