package org.mutualis.booking.reservation.web;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.mutualis.booking.reservation.WaitlistEntry;

/**
 * A waiting-list entry as its organisation sees it.
 *
 * @param id entry id
 * @param listingId the listing
 * @param start the time wanted, start
 * @param end the time wanted, end
 * @param quantity units wanted
 * @param joinedAt when it joined
 * @param status {@code WAITING}, {@code OFFERED} or {@code WITHDRAWN}
 * @param bookingId the booking offered, once offered
 */
record WaitlistEntryView(String id, String listingId, Instant start, Instant end, int quantity, Instant joinedAt,
		String status, @Nullable String bookingId) {

	static WaitlistEntryView of(WaitlistEntry entry) {
		return new WaitlistEntryView(entry.id(), entry.listingId(), entry.range().start(), entry.range().end(),
				entry.quantity(), entry.joinedAt(), entry.status().name(), entry.bookingId());
	}

}
