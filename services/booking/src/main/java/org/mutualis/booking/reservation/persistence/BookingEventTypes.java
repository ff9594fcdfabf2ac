package org.mutualis.booking.reservation.persistence;

import org.mutualis.booking.reservation.BookingCancelled;
import org.mutualis.booking.reservation.BookingCompleted;
import org.mutualis.booking.reservation.BookingConfirmed;
import org.mutualis.booking.reservation.BookingCounterProposed;
import org.mutualis.booking.reservation.BookingDeclined;
import org.mutualis.booking.reservation.BookingEvent;
import org.mutualis.booking.reservation.BookingExpired;
import org.mutualis.booking.reservation.BookingNoShow;
import org.mutualis.booking.reservation.BookingReminderDue;
import org.mutualis.booking.reservation.BookingRequested;
import org.mutualis.booking.reservation.BookingWaitlistOffered;

/** The wire names of booking events, as the contracts in {@code services/contracts} define them. */
public final class BookingEventTypes {

	private BookingEventTypes() {
	}

	/**
	 * Names an event.
	 * @param event the event
	 * @return its logical type, {@code mutualis.booking.<fact>.v1}
	 */
	public static String typeOf(BookingEvent event) {
		return switch (event) {
			case BookingRequested e -> "mutualis.booking.requested.v1";
			case BookingConfirmed e -> "mutualis.booking.confirmed.v1";
			case BookingDeclined e -> "mutualis.booking.declined.v1";
			case BookingExpired e -> "mutualis.booking.expired.v1";
			case BookingCancelled e -> "mutualis.booking.cancelled.v1";
			case BookingCompleted e -> "mutualis.booking.completed.v1";
			case BookingNoShow e -> "mutualis.booking.no-show.v1";
			case BookingCounterProposed e -> "mutualis.booking.counter-proposed.v1";
			case BookingWaitlistOffered e -> "mutualis.booking.waitlist-offered.v1";
			case BookingReminderDue e -> "mutualis.booking.reminder-due.v1";
		};
	}

}
