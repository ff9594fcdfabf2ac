package org.mutualis.booking.reservation.application;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.mutualis.booking.config.BookingProperties;
import org.mutualis.booking.listing.BookableListing;
import org.mutualis.booking.listing.ListingDirectory;
import org.mutualis.booking.listing.WeeklyWindow;
import org.mutualis.booking.reservation.ListingOccupancy;
import org.mutualis.booking.reservation.Occupancy;
import org.mutualis.booking.reservation.OpeningHoursPolicy;
import org.mutualis.booking.reservation.PolicyResult;
import org.mutualis.booking.reservation.Slots;
import org.mutualis.booking.reservation.TimeRange;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.problem.Refusal.Reason;

import org.springframework.stereotype.Service;

/**
 * Answers what is free: a listing's free and busy intervals over a period (for its calendar), and which of many
 * listings can take a quantity over a range (for search by date), each from one read of the occupancy documents.
 */
@Service
public class AvailabilityQueries {

	/** What an interval of a listing's calendar is. */
	public enum State {

		/** Open, every unit free. */
		FREE,
		/** Open, some units taken. */
		PARTLY_BOOKED,
		/** Open, no unit free (bookings, their buffers, or an owner's block). */
		BUSY,
		/** Outside the opening windows or in a blackout. */
		CLOSED

	}

	/**
	 * An interval of equal state.
	 * @param start first instant
	 * @param end first instant after
	 * @param localStart start in the listing's time zone
	 * @param localEnd end in the listing's time zone
	 * @param state what it is
	 * @param remaining units still free
	 */
	public record Interval(Instant start, Instant end, LocalDateTime localStart, LocalDateTime localEnd, State state,
			int remaining) {
	}

	/**
	 * A listing's calendar over a period.
	 * @param listingId the listing
	 * @param timeZone its time zone
	 * @param capacity units that exist
	 * @param bookable whether it takes requests now
	 * @param intervals consecutive intervals covering the period
	 */
	public record ListingAvailability(String listingId, String timeZone, int capacity, boolean bookable,
			List<Interval> intervals) {
	}

	/**
	 * Which listings can take a quantity over a range.
	 * @param available those that can, in the order asked
	 * @param unavailable the others with why: {@code UNKNOWN}, {@code NOT_BOOKABLE}, {@code QUANTITY}, {@code CLOSED}
	 * or {@code FULL}
	 */
	public record BatchAnswer(List<String> available, Map<String, String> unavailable) {
	}

	private final ListingDirectory listings;

	private final Occupancy occupancy;

	private final BookingProperties properties;

	private final OpeningHoursPolicy openingHours = new OpeningHoursPolicy();

	AvailabilityQueries(ListingDirectory listings, Occupancy occupancy, BookingProperties properties) {
		this.listings = listings;
		this.occupancy = occupancy;
		this.properties = properties;
	}

	/**
	 * A listing's free and busy intervals.
	 * @param listingId the listing
	 * @param from start of the period: an instant with offset, a local date-time or a local date (listing's zone)
	 * @param to end of the period, same forms
	 * @return the calendar
	 */
	public ListingAvailability of(String listingId, String from, String to) {
		BookableListing listing = this.listings.find(listingId)
			.orElseThrow(() -> Refusal.of(Reason.NOT_FOUND, "listing-not-found"));
		ZoneId zone = listing.timeZone();
		TimeRange period = period(parse(from, zone, "from"), parse(to, zone, "to"));
		ListingOccupancy used = this.occupancy.read(listingId, period);
		List<Interval> intervals = new ArrayList<>();
		Instant runStart = null;
		State runState = null;
		int runRemaining = -1;
		for (long slot = Slots.first(period); slot < Slots.end(period); slot++) {
			Instant start = Slots.startOf(slot);
			State state;
			int remaining;
			if (!isOpen(listing, start)) {
				state = State.CLOSED;
				remaining = 0;
			}
			else {
				remaining = Math.max(0, listing.capacity() - used.usedIn(slot));
				state = (remaining == listing.capacity()) ? State.FREE : (remaining == 0) ? State.BUSY : State.PARTLY_BOOKED;
			}
			if (state != runState || remaining != runRemaining) {
				if (runStart != null) {
					intervals.add(interval(runStart, start, zone, runState, runRemaining));
				}
				runStart = start;
				runState = state;
				runRemaining = remaining;
			}
		}
		if (runStart != null) {
			intervals.add(interval(runStart, Slots.startOf(Slots.end(period)), zone, runState, runRemaining));
		}
		return new ListingAvailability(listingId, zone.getId(), listing.capacity(), listing.isBookable(), intervals);
	}

	/**
	 * Which of some listings can take a quantity over a range: bookable, the quantity allowed, open and free
	 * (buffers included). Two queries by id, whatever the number of listings.
	 * @param ids listing ids, at most {@link BookingProperties#maxBatchListings()}
	 * @param quantity units wanted
	 * @param start first instant
	 * @param end first instant after
	 * @return the answer
	 */
	public BatchAnswer which(Collection<String> ids, int quantity, Instant start, Instant end) {
		if (ids.size() > this.properties.maxBatchListings()) {
			throw Refusal.invalidField("too-many-listings", "listingIds", this.properties.maxBatchListings())
				.with("maxListings", this.properties.maxBatchListings());
		}
		TimeRange range = Reserving.range(start, end);
		LinkedHashSet<String> asked = new LinkedHashSet<>(ids);
		Map<String, BookableListing> known = new LinkedHashMap<>();
		int widest = 0;
		for (BookableListing listing : this.listings.findAll(asked)) {
			known.put(listing.id(), listing);
			widest = Math.max(widest, Math.max(listing.rules().bufferBeforeMinutes(), listing.rules().bufferAfterMinutes()));
		}
		Map<String, ListingOccupancy> used = this.occupancy.readAll(known.keySet(),
				range.widened(Duration.ofMinutes(widest), Duration.ofMinutes(widest)));
		List<String> available = new ArrayList<>();
		Map<String, String> unavailable = new LinkedHashMap<>();
		for (String id : asked) {
			BookableListing listing = known.get(id);
			String why;
			if (listing == null) {
				why = "UNKNOWN";
			}
			else if (!listing.isBookable()) {
				why = "NOT_BOOKABLE";
			}
			else if (quantity > Math.min(listing.bookableAtOnce(), listing.capacity())) {
				why = "QUANTITY";
			}
			else if (this.openingHours.check(listing, range) instanceof PolicyResult.Broken) {
				why = "CLOSED";
			}
			else if (!fits(used.get(id), listing, range, quantity)) {
				why = "FULL";
			}
			else {
				available.add(id);
				continue;
			}
			unavailable.put(id, why);
		}
		return new BatchAnswer(available, unavailable);
	}

	/** Whether a quantity fits a listing's occupancy over a range widened by its buffers (no occupancy: free). */
	private static boolean fits(@Nullable ListingOccupancy used, BookableListing listing, TimeRange range, int quantity) {
		if (used == null || used.used().isEmpty()) {
			return quantity <= listing.capacity();
		}
		return used.fits(range.widened(Duration.ofMinutes(listing.rules().bufferBeforeMinutes()),
				Duration.ofMinutes(listing.rules().bufferAfterMinutes())), quantity, listing.capacity());
	}

	private TimeRange period(Instant from, Instant to) {
		TimeRange period = Reserving.range(from, to);
		if (period.duration().compareTo(Duration.ofDays(this.properties.maxAvailabilityDays())) > 0) {
			throw Refusal.invalidField("period-too-long", "to", this.properties.maxAvailabilityDays())
				.with("maxDays", this.properties.maxAvailabilityDays());
		}
		return period;
	}

	/** A slot is open when its start lies in one of its day's windows, outside blackouts. */
	private static boolean isOpen(BookableListing listing, Instant slotStart) {
		LocalDateTime local = LocalDateTime.ofInstant(slotStart, listing.timeZone());
		LocalDate day = local.toLocalDate();
		if (listing.blackouts().stream().anyMatch((b) -> b.covers(day))) {
			return false;
		}
		for (WeeklyWindow window : listing.weekly()) {
			if (window.day() == day.getDayOfWeek() && !local.toLocalTime().isBefore(window.from())
					&& local.toLocalTime().isBefore(window.to())) {
				return true;
			}
		}
		return false;
	}

	private static Interval interval(Instant start, Instant end, ZoneId zone, State state, int remaining) {
		return new Interval(start, end, LocalDateTime.ofInstant(start, zone), LocalDateTime.ofInstant(end, zone), state,
				remaining);
	}

	/**
	 * Reads a period bound: an instant with offset, a local date-time or a local date in a time zone.
	 * @param value the text
	 * @param zone the listing's time zone
	 * @param field the parameter name, for the refusal
	 * @return the instant
	 */
	static Instant parse(String value, ZoneId zone, String field) {
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException notOffset) {
			try {
				return LocalDateTime.parse(value).atZone(zone).toInstant();
			}
			catch (DateTimeParseException notLocal) {
				try {
					return LocalDate.parse(value).atStartOfDay(zone).toInstant();
				}
				catch (DateTimeParseException notDate) {
					throw Refusal.invalidField("invalid-time", field);
				}
			}
		}
	}

}
