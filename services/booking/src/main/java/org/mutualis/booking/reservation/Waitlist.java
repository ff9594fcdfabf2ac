package org.mutualis.booking.reservation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The waiting lists of all listings. */
public interface Waitlist {

	/**
	 * Adds an entry at the end of its listing's queue.
	 * @param entry the entry, {@link WaitlistEntry.Status#WAITING}
	 */
	void add(WaitlistEntry entry);

	/**
	 * Finds an entry.
	 * @param id entry id
	 * @return it
	 */
	Optional<WaitlistEntry> find(String id);

	/**
	 * Lists a listing's waiting entries whose time has not started, first joined first.
	 * @param listingId the listing
	 * @param now the current time
	 * @return the entries
	 */
	List<WaitlistEntry> waiting(String listingId, Instant now);

	/**
	 * Lists an organisation's entries, newest first.
	 * @param organisationId the waiting organisation
	 * @return the entries
	 */
	List<WaitlistEntry> ofOrganisation(String organisationId);

	/**
	 * Marks a waiting entry as offered, if it is still waiting (one conditional write: two instances never offer the
	 * same entry twice).
	 * @param id the entry
	 * @param bookingId the booking offered
	 * @return whether this call marked it
	 */
	boolean markOffered(String id, String bookingId);

	/**
	 * Puts an offered entry back in its queue (same place: its join time is kept), if it is still marked as offered
	 * this booking; for an offer whose booking never got written.
	 * @param bookingId the booking the entry was offered as
	 * @return whether an entry was put back
	 */
	boolean reopen(String bookingId);

	/**
	 * Withdraws a waiting entry.
	 * @param id the entry
	 * @return whether it was waiting
	 */
	boolean withdraw(String id);

}
