package org.mutualis.booking.reservation.application;

import org.mutualis.booking.reservation.Booking;
import org.mutualis.booking.reservation.MonthlyQuotas;
import org.mutualis.booking.reservation.Occupancy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Gives back what a booking that no longer holds its time took: its units in the listing's occupancy and its place
 * in the monthly quota, then offers the freed time to the listing's waiting list. Runs after the booking's new
 * state is stored; if it does not run (a crash), the repair job gives them back, since it releases holds whose
 * booking is declined, expired or cancelled.
 */
@Component
class Releases {

	private static final Logger log = LoggerFactory.getLogger(Releases.class);

	private final Occupancy occupancy;

	private final MonthlyQuotas quotas;

	private final Waitlisting waitlisting;

	Releases(Occupancy occupancy, MonthlyQuotas quotas, Waitlisting waitlisting) {
		this.occupancy = occupancy;
		this.quotas = quotas;
		this.waitlisting = waitlisting;
	}

	void releaseIfFreed(Booking booking) {
		if (booking.status().holdsTime()) {
			return;
		}
		this.occupancy.release(booking.terms().listingId(), booking.id());
		if (booking.quotaKey() != null) {
			this.quotas.release(booking.quotaKey(), booking.id());
		}
		offerFreedTime(booking);
	}

	/**
	 * Offers the time a booking gave up to the listing's waiting list: released, or left for another time.
	 * @param booking the booking
	 */
	void offerFreedTime(Booking booking) {
		try {
			this.waitlisting.offerFreedTime(booking.terms().listingId());
		}
		catch (RuntimeException ex) {
			// the release itself is done; a failed offer must not turn the caller's decision into an error
			log.warn("offering freed time of listing {} to its waiting list failed", booking.terms().listingId(), ex);
		}
	}

}
