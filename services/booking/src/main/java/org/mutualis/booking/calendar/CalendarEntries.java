package org.mutualis.booking.calendar;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The calendar read model: the latest known state of each booking, as booking's own events told it. */
public interface CalendarEntries {

	/**
	 * Records a booking's state unless a later fact about it is already recorded; the sequence is counted here.
	 * @param entry the new state (its sequence is ignored)
	 * @return whether the entry changed
	 */
	boolean record(CalendarEntry entry);

	/**
	 * Records several facts, in order, as {@link #record} would one after the other, in fewer writes: the entries of
	 * all their bookings are read at once, each booking's facts are folded in memory, and each booking is written once.
	 * @param entries the new states, oldest first for each booking (their sequences are ignored)
	 * @return how many of them changed their entry
	 */
	int recordAll(List<CalendarEntry> entries);

	/**
	 * The bookings an organisation takes part in, as borrower or as owner, ending after a time.
	 * @param organisationId the organisation
	 * @param endingAfter bookings that ended before are left out
	 * @param limit at most this many, earliest first
	 * @return the entries
	 */
	List<CalendarEntry> ofOrganisation(String organisationId, Instant endingAfter, int limit);

	/**
	 * The bookings of a listing owned by an organisation, ending after a time.
	 * @param listingId the listing
	 * @param ownerOrganisationId only bookings of this owner count
	 * @param endingAfter bookings that ended before are left out
	 * @param limit at most this many, earliest first
	 * @return the entries
	 */
	List<CalendarEntry> ofListing(String listingId, String ownerOrganisationId, Instant endingAfter, int limit);

	/**
	 * The organisation that owns a listing, as far as its bookings tell.
	 * @param listingId the listing
	 * @return its owner, or empty when no booking of it is known
	 */
	Optional<String> ownerOfListing(String listingId);

}
