package org.mutualis.booking.reservation;

/** What happened to a booking; each fact is one record, published under its contract name. */
public sealed interface BookingEvent permits BookingRequested, BookingConfirmed, BookingDeclined, BookingExpired,
		BookingCancelled, BookingCompleted, BookingNoShow, BookingCounterProposed,
		BookingWaitlistOffered, BookingReminderDue {

	/** @return the booking */
	String bookingId();

}
