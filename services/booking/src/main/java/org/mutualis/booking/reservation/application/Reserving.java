package org.mutualis.booking.reservation.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.mutualis.booking.config.BookingProperties;
import org.mutualis.booking.listing.BookableListing;
import org.mutualis.booking.listing.ListingDirectory;
import org.mutualis.booking.organisation.Organisation;
import org.mutualis.booking.organisation.OrganisationStatus;
import org.mutualis.booking.organisation.Organisations;
import org.mutualis.booking.reservation.Booking;
import org.mutualis.booking.reservation.BookingOutcome;
import org.mutualis.booking.reservation.BookingTerms;
import org.mutualis.booking.reservation.Bookings;
import org.mutualis.booking.reservation.Hold;
import org.mutualis.booking.reservation.HoldOutcome;
import org.mutualis.booking.reservation.MonthlyQuotas;
import org.mutualis.booking.reservation.Occupancy;
import org.mutualis.booking.reservation.RequestRules;
import org.mutualis.booking.reservation.TimeRange;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.problem.Refusal.Reason;
import org.mutualis.platform.security.Actor;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Requests a listing: checks the organisation and the listing's rules, then takes the units in three writes, each
 * conditional and atomic on its own document: a place in the monthly quota (when the listing has one), the units in
 * the listing's occupancy (hold id = booking id), then the booking itself with its events. A refusal at a later step
 * gives back what the earlier steps took; a crash between steps leaves a hold or a place whose booking is missing,
 * which {@link BookingJobs#repairHolds(Instant)} gives back.
 */
@Service
public class Reserving {

	private static final Duration IN_PROGRESS_WAIT = Duration.ofSeconds(5);

	/** The first instant a range may name. */
	static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

	/** The first instant after the last a range may name. */
	static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

	private final ListingDirectory listings;

	private final Organisations organisations;

	private final Bookings bookings;

	private final Occupancy occupancy;

	private final MonthlyQuotas quotas;

	private final FreeTimeFinder finder;

	private final BookingProperties properties;

	private final Clock clock;

	private final RequestRules rules = new RequestRules();

	private final Counter conflicts;

	Reserving(ListingDirectory listings, Organisations organisations, Bookings bookings, Occupancy occupancy,
			MonthlyQuotas quotas, FreeTimeFinder finder, BookingProperties properties, Clock clock, MeterRegistry meters) {
		this.conflicts = Counter.builder(BookingOutcome.METRIC)
			.description("Booking transitions stored, and requests refused for a taken time, by outcome")
			.tag(BookingOutcome.TAG, BookingOutcome.CONFLICT.tag())
			.register(meters);
		this.listings = listings;
		this.organisations = organisations;
		this.bookings = bookings;
		this.occupancy = occupancy;
		this.quotas = quotas;
		this.finder = finder;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * What a requester asks for.
	 * @param listingId the listing
	 * @param start first instant
	 * @param end first instant after
	 * @param quantity units
	 * @param prerequisitesAccepted whether the requester accepts the listing's prerequisites
	 * @param message a note to the owner
	 * @param seriesId the series this occurrence belongs to
	 */
	public record Request(String listingId, Instant start, Instant end, int quantity, boolean prerequisitesAccepted,
			@Nullable String message, @Nullable String seriesId) {

		/**
		 * A digest of everything the request asks, kept with a booking made under an idempotency key so that a retry
		 * with the same key but another body is recognised.
		 * @return URL-safe Base64 of a SHA-256
		 */
		public String digest() {
			String canonical = String.join("\u0000", this.listingId, this.start.toString(), this.end.toString(),
					Integer.toString(this.quantity), Boolean.toString(this.prerequisitesAccepted),
					(this.message != null) ? "m" + this.message : "-", (this.seriesId != null) ? "s" + this.seriesId : "-");
			return digestOf(canonical);
		}

	}

	/**
	 * A digest of a request's canonical text.
	 * @param canonical the fields asked, joined
	 * @return URL-safe Base64 of a SHA-256
	 */
	static String digestOf(String canonical) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	/**
	 * The booking a request led to.
	 * @param booking the booking
	 * @param created {@code false} when an earlier request with the same idempotency key created it
	 */
	public record Reserved(Booking booking, boolean created) {
	}

	/**
	 * Requests a listing for the actor's organisation.
	 * @param actor a member or manager of an approved organisation
	 * @param request what is asked
	 * @param idempotencyKey the caller's key: the same key from the same person returns the same booking
	 * @return the booking
	 */
	public Reserved request(Actor actor, Request request, @Nullable String idempotencyKey) {
		String borrowerId = BookingAccess.requireOrganisation(actor);
		String bookingId = (idempotencyKey != null) ? idFor(borrowerId, actor.personId(), idempotencyKey)
				: UUID.randomUUID().toString();
		@Nullable String digest = (idempotencyKey != null) ? request.digest() : null;
		if (digest != null) {
			Optional<Booking> earlier = this.bookings.find(bookingId);
			if (earlier.isPresent()) {
				return new Reserved(sameRequest(earlier.get(), digest), false);
			}
		}
		// the listing first, so that both organisations are read in one query; refusals keep their order
		Optional<BookableListing> found = this.listings.find(request.listingId());
		Map<String, Organisation> parties = this.organisations.findAll(
				found.map((l) -> List.of(borrowerId, l.ownerOrganisationId())).orElse(List.of(borrowerId)));
		Organisation borrower = Optional.ofNullable(parties.get(borrowerId))
			.filter(Organisation::mayBook)
			.orElseThrow(() -> Refusal.of(Reason.UNPROCESSABLE, "organisation-not-approved"));
		BookableListing listing = found.orElseThrow(() -> Refusal.of(Reason.NOT_FOUND, "listing-not-found"));
		if (!listing.isBookable()) {
			throw Refusal.of(Reason.UNPROCESSABLE, "listing-not-bookable").with("listingStatus", listing.status().name());
		}
		if (listing.ownerOrganisationId().equals(borrowerId)) {
			throw Refusal.of(Reason.UNPROCESSABLE, "own-listing");
		}
		TimeRange range = range(request.start(), request.end());
		Instant now = this.clock.instant();
		this.rules.check(listing, range, request.quantity(), request.prerequisitesAccepted(), now).orRefuse();
		BookingTerms terms = terms(listing, borrower, parties.get(listing.ownerOrganisationId()));
		String quotaKey = takeQuotaPlace(listing, borrowerId, bookingId, range);
		TimeRange occupied = range.widened(Duration.ofMinutes(terms.bufferBeforeMinutes()),
				Duration.ofMinutes(terms.bufferAfterMinutes()));
		HoldOutcome outcome = this.occupancy.hold(listing.id(),
				new Hold(bookingId, Hold.Kind.BOOKING, occupied, request.quantity(), now, quotaKey, null),
				listing.capacity());
		switch (outcome) {
			case FULL -> {
				giveBackQuota(quotaKey, bookingId);
				this.conflicts.increment();
				Refusal full = Refusal.of(Reason.CONFLICT, "slot-unavailable");
				this.finder.nextFreeStart(listing, range, request.quantity(), now)
					.ifPresent((start) -> full.with("nextFreeStart", start.toString()));
				throw full;
			}
			case ALREADY_HELD -> {
				Booking earlier = awaitEarlier(bookingId);
				if (digest != null && !earlier.madeBy(digest)) {
					giveBackUnlessShared(quotaKey, earlier, bookingId);
				}
				return new Reserved(sameRequest(earlier, digest), false);
			}
			case HELD -> {
			}
		}
		Booking booking = Booking.request(bookingId, terms, actor.personId(), request.quantity(), range,
				request.message(), request.seriesId(), quotaKey, now, this.properties.answerWithin(), digest);
		try {
			this.bookings.save(booking);
		}
		catch (DuplicateKeyException ex) {
			Booking earlier = awaitEarlier(bookingId);
			if ((digest != null && !earlier.madeBy(digest)) || !earlier.status().holdsTime()) {
				// the hold just taken is this retry's own (a live earlier booking's hold would have made it
				// ALREADY_HELD): it must not stay behind, on another listing or after the booking ended
				this.occupancy.release(listing.id(), bookingId);
				giveBackUnlessShared(quotaKey, earlier, bookingId);
			}
			return new Reserved(sameRequest(earlier, digest), false);
		}
		catch (RuntimeException ex) {
			// Whether the booking was written is unknown: a store that times out may have applied the insert (or
			// apply it still). Giving the units back now could leave a booking without its hold, and its units
			// free for someone else: a double booking. So the hold and the quota place stay; the hold-repair job
			// gives them back after hold-repair-grace if the booking does not exist by then.
			throw ex;
		}
		return new Reserved(booking, true);
	}

	/**
	 * The terms a booking keeps of its listing and both organisations.
	 * @param listing the listing
	 * @param borrower the borrowing organisation
	 * @return the terms
	 */
	public BookingTerms terms(BookableListing listing, Organisation borrower) {
		return terms(listing, borrower, this.organisations.find(listing.ownerOrganisationId()).orElse(null));
	}

	private static BookingTerms terms(BookableListing listing, Organisation borrower, @Nullable Organisation known) {
		Organisation owner = (known != null) ? known : new Organisation(listing.ownerOrganisationId(), null,
				OrganisationStatus.APPROVED, null, null, Organisation.DEFAULT_LANGUAGE);
		return new BookingTerms(listing.id(), listing.title(), listing.kind(), listing.unit(), listing.timeZone().getId(),
				listing.mrc(), owner.id(), owner.displayName(), owner.preferredLanguage(), owner.sector(), borrower.id(),
				borrower.displayName(), borrower.preferredLanguage(), borrower.sector(), listing.rules().mode(),
				listing.costRecovery().mode(), listing.costRecovery().amount(), listing.marketValuePerUnit(),
				listing.rules().cancellationNoticeHours(), listing.rules().bufferBeforeMinutes(),
				listing.rules().bufferAfterMinutes());
	}

	@Nullable String takeQuotaPlace(BookableListing listing, String borrowerId, String bookingId, TimeRange range) {
		Integer quota = listing.rules().monthlyQuotaPerOrganisation();
		if (quota == null) {
			return null;
		}
		YearMonth month = YearMonth.from(range.start().atZone(listing.timeZone()));
		String key = MonthlyQuotas.key(listing.id(), borrowerId, month);
		if (!this.quotas.take(key, bookingId, quota)) {
			throw Refusal.of(Reason.CONFLICT, "monthly-quota-reached", quota)
				.with("monthlyQuota", quota)
				.with("month", month.toString());
		}
		return key;
	}

	void giveBackQuota(@Nullable String quotaKey, String bookingId) {
		if (quotaKey != null) {
			this.quotas.release(quotaKey, bookingId);
		}
	}

	/** A retry with the same key must ask the same; otherwise it is refused and changes nothing. */
	private static Booking sameRequest(Booking earlier, @Nullable String digest) {
		if (digest != null && !earlier.madeBy(digest)) {
			throw Refusal.of(Reason.UNPROCESSABLE, "idempotency-key-reused").with("bookingId", earlier.id());
		}
		return earlier;
	}

	private void giveBackUnlessShared(@Nullable String quotaKey, Booking earlier, String bookingId) {
		if (quotaKey != null && !quotaKey.equals(earlier.quotaKey())) {
			giveBackQuota(quotaKey, bookingId);
		}
	}

	/** A retry raced the first request: wait for the first one's booking to be written. */
	private Booking awaitEarlier(String bookingId) {
		Instant deadline = this.clock.instant().plus(IN_PROGRESS_WAIT);
		while (true) {
			Optional<Booking> earlier = this.bookings.find(bookingId);
			if (earlier.isPresent()) {
				return earlier.get();
			}
			if (this.clock.instant().isAfter(deadline)) {
				throw Refusal.of(Reason.CONFLICT, "request-in-progress");
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw Refusal.of(Reason.CONFLICT, "request-in-progress");
			}
		}
	}

	/**
	 * The range a caller asks for, refused unless it ends after it starts and both instants lie between
	 * {@link #EARLIEST} and {@link #LATEST}: an instant of year -999,999,999 or +999,999,999 is valid JSON and a valid
	 * {@code Instant}, but no calendar of a listing's time zone, nor the five-minute slots, can hold it.
	 * @param start first instant
	 * @param end first instant after
	 * @return the range
	 */
	static TimeRange range(Instant start, Instant end) {
		if (start.isBefore(EARLIEST) || !start.isBefore(LATEST)) {
			throw Refusal.invalidField("time-out-of-range", "start");
		}
		if (end.isBefore(EARLIEST) || end.isAfter(LATEST)) {
			throw Refusal.invalidField("time-out-of-range", "end");
		}
		if (!end.isAfter(start)) {
			throw Refusal.invalidField("end-before-start", "end");
		}
		return new TimeRange(start, end);
	}

	private static String idFor(String organisation, String person, String key) {
		return UUID.nameUUIDFromBytes((organisation + "|" + person + "|" + key).getBytes(StandardCharsets.UTF_8)).toString();
	}

}
