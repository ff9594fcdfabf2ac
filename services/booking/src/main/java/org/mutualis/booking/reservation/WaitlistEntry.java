package org.mutualis.booking.reservation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A borrower waiting for a full time of a listing; when units free up there, the first waiting entry is offered them.
 *
 * @param id entry id
 * @param listingId the listing
 * @param borrowerOrganisationId the waiting organisation
 * @param requesterId the person who joined
 * @param range the time wanted
 * @param quantity units wanted
 * @param joinedAt when it joined (the queue's order)
 * @param status waiting, offered or withdrawn
 * @param bookingId the booking offered, once offered
 */
public record WaitlistEntry(String id, String listingId, String borrowerOrganisationId, String requesterId,
		TimeRange range, int quantity, Instant joinedAt, Status status, @Nullable String bookingId) {

	/** Where an entry stands. */
	public enum Status {

		/** In the queue. */
		WAITING,
		/** Freed units were offered to it as a pending booking. */
		OFFERED,
		/** Its organisation left the queue. */
		WITHDRAWN

	}

}
