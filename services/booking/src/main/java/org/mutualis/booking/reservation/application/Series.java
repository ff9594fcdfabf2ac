package org.mutualis.booking.reservation.application;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.mutualis.booking.listing.ListingDirectory;
import org.mutualis.booking.reservation.Booking;
import org.mutualis.booking.reservation.Bookings;
import org.mutualis.booking.reservation.SeriesKeys;
import org.mutualis.booking.reservation.TimeRange;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.problem.Refusal.Reason;
import org.mutualis.platform.security.Actor;

import org.springframework.stereotype.Service;

/**
 * Recurring bookings: a weekly (or every n weeks) series requested in one go, until a date or for a number of
 * occurrences, at the same local time in the listing's time zone (so daylight-saving changes keep the wall-clock
 * time). Each occurrence is an ordinary request with its own conditional writes; occurrences that break a rule or
 * find the time taken are skipped and listed. A series is cancelled whole or from a date on.
 */
@Service
public class Series {

	/** Most occurrences one series may have. */
	public static final int MAX_OCCURRENCES = 52;

	private final Reserving reserving;

	private final BookingDecisions decisions;

	private final Bookings bookings;

	private final ListingDirectory listings;

	private final SeriesKeys keys;

	Series(Reserving reserving, BookingDecisions decisions, Bookings bookings, ListingDirectory listings,
			SeriesKeys keys) {
		this.keys = keys;
		this.reserving = reserving;
		this.decisions = decisions;
		this.bookings = bookings;
		this.listings = listings;
	}

	/**
	 * What a series asks for.
	 * @param listingId the listing
	 * @param start first occurrence's start
	 * @param end first occurrence's end
	 * @param quantity units
	 * @param everyWeeks weeks between occurrences, 1 to 4
	 * @param until last day an occurrence may start on (listing's zone), or {@code null}
	 * @param occurrences number of occurrences, or {@code null}
	 * @param prerequisitesAccepted whether the requester accepts the prerequisites
	 * @param message a note to the owner
	 */
	public record Request(String listingId, Instant start, Instant end, int quantity, int everyWeeks,
			@Nullable LocalDate until, @Nullable Integer occurrences, boolean prerequisitesAccepted,
			@Nullable String message) {

		/**
		 * A digest of everything the series asks, kept under its idempotency key.
		 * @return URL-safe Base64 of a SHA-256
		 */
		String digest() {
			String canonical = String.join("\u0000", this.listingId, this.start.toString(), this.end.toString(),
					Integer.toString(this.quantity), Integer.toString(this.everyWeeks), String.valueOf(this.until),
					String.valueOf(this.occurrences), Boolean.toString(this.prerequisitesAccepted),
					(this.message != null) ? "m" + this.message : "-");
			return Reserving.digestOf(canonical);
		}

	}

	/**
	 * An occurrence that was not booked.
	 * @param start its start
	 * @param end its end
	 * @param problem the rule that refused it, e.g. {@code slot-unavailable}
	 */
	public record Skipped(Instant start, Instant end, String problem) {
	}

	/**
	 * What a series request led to.
	 * @param seriesId the series
	 * @param booked the occurrences booked
	 * @param skipped the occurrences refused
	 * @param created whether this request booked any (false for a retry that found them all booked already)
	 */
	public record Outcome(String seriesId, List<Booking> booked, List<Skipped> skipped, boolean created) {
	}

	/**
	 * What cancelling a series did.
	 * @param cancelled the occurrences cancelled
	 * @param kept the occurrences that could not be cancelled, with why
	 */
	public record Cancellation(List<Booking> cancelled, List<Skipped> kept) {
	}

	/**
	 * Requests every occurrence of a series.
	 * @param actor a member or manager of an approved organisation
	 * @param request the series
	 * @param idempotencyKey makes the whole series safe to retry: occurrence n uses {@code key#n}
	 * @return the outcome
	 */
	public Outcome request(Actor actor, Request request, @Nullable String idempotencyKey) {
		List<TimeRange> occurrences = occurrences(request);
		String seriesId = (idempotencyKey != null)
				? UUID.nameUUIDFromBytes(("series|" + actor.organisationId() + "|" + actor.personId() + "|" + idempotencyKey)
					.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString()
				: UUID.randomUUID().toString();
		if (idempotencyKey != null && !this.keys.remember(seriesId, request.digest()).equals(request.digest())) {
			// the same key for another series: refused before any occurrence is booked
			throw Refusal.of(Reason.UNPROCESSABLE, "idempotency-key-reused").with("seriesId", seriesId);
		}
		boolean created = false;
		List<Booking> booked = new ArrayList<>();
		List<Skipped> skipped = new ArrayList<>();
		for (int n = 0; n < occurrences.size(); n++) {
			TimeRange range = occurrences.get(n);
			try {
				Reserving.Reserved reserved = this.reserving.request(actor,
						new Reserving.Request(request.listingId(), range.start(), range.end(), request.quantity(),
								request.prerequisitesAccepted(), request.message(), seriesId),
						(idempotencyKey != null) ? idempotencyKey + "#" + n : null);
				booked.add(reserved.booking());
				created |= reserved.created();
			}
			catch (Refusal refusal) {
				if (n == 0 && refusal.reason() != Reason.CONFLICT && refusal.reason() != Reason.UNPROCESSABLE) {
					throw refusal;
				}
				if (refusal.type().equals("organisation-not-approved") || refusal.type().equals("listing-not-bookable")
						|| refusal.type().equals("own-listing") || refusal.type().equals("idempotency-key-reused")) {
					throw refusal;
				}
				skipped.add(new Skipped(range.start(), range.end(), refusal.type()));
			}
		}
		return new Outcome(seriesId, booked, skipped, created);
	}

	/**
	 * Cancels the occurrences of a series that start at or after a time.
	 * @param actor one who may cancel them (borrower's members and managers, owner's managers)
	 * @param seriesId the series
	 * @param from cancel occurrences starting at or after this; {@code null} for all not started
	 * @param reason why
	 * @return what was cancelled and what was kept
	 */
	public Cancellation cancel(Actor actor, String seriesId, @Nullable Instant from, String reason) {
		List<Booking> occurrences = this.bookings.ofSeries(seriesId)
			.stream()
			.filter((b) -> b.terms().sideOf(actor.organisationId()) != null)
			.toList();
		if (occurrences.isEmpty()) {
			throw Refusal.of(Reason.NOT_FOUND, "series-not-found");
		}
		List<Booking> cancelled = new ArrayList<>();
		List<Skipped> kept = new ArrayList<>();
		for (Booking occurrence : occurrences) {
			if (!occurrence.status().holdsTime() || (from != null && occurrence.range().start().isBefore(from))) {
				continue;
			}
			try {
				cancelled.add(this.decisions.cancel(actor, occurrence.id(), reason, null));
			}
			catch (Refusal refusal) {
				if (refusal.reason() == Reason.FORBIDDEN) {
					// the same person may cancel all of them or none: the series, not each occurrence, is refused
					throw refusal;
				}
				kept.add(new Skipped(occurrence.range().start(), occurrence.range().end(), refusal.type()));
			}
		}
		return new Cancellation(cancelled, kept);
	}

	private List<TimeRange> occurrences(Request request) {
		if (request.everyWeeks() < 1 || request.everyWeeks() > 4) {
			throw Refusal.invalidField("invalid-recurrence", "everyWeeks");
		}
		if ((request.until() == null) == (request.occurrences() == null)) {
			throw Refusal.invalidField("until-or-occurrences", "until");
		}
		ZoneId zone = this.listings.find(request.listingId())
			.orElseThrow(() -> Refusal.of(Reason.NOT_FOUND, "listing-not-found"))
			.timeZone();
		TimeRange first = Reserving.range(request.start(), request.end());
		ZonedDateTime localStart = first.start().atZone(zone);
		Duration length = first.duration();
		if (request.until() != null && request.until().isBefore(localStart.toLocalDate())) {
			// no occurrence at all: a mistake in the dates, not a series of none
			throw Refusal.invalidField("until-before-start", "until");
		}
		List<TimeRange> ranges = new ArrayList<>();
		for (int n = 0; n < MAX_OCCURRENCES; n++) {
			ZonedDateTime start = localStart.plusWeeks((long) n * request.everyWeeks());
			if (request.occurrences() != null && n >= request.occurrences()) {
				break;
			}
			if (request.until() != null && start.toLocalDate().isAfter(request.until())) {
				break;
			}
			ZonedDateTime end = start.toLocalDateTime().plus(length).atZone(zone);
			ranges.add(new TimeRange(start.toInstant(), end.toInstant()));
		}
		if (request.occurrences() != null && request.occurrences() > MAX_OCCURRENCES) {
			throw Refusal.invalidField("too-many-occurrences", "occurrences", MAX_OCCURRENCES);
		}
		return ranges;
	}

}
