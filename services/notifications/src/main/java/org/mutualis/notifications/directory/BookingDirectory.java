package org.mutualis.notifications.directory;

import java.util.Optional;

/** The organisations of each booking, kept from booking's events (a conversation is between them). */
public interface BookingDirectory {

	/**
	 * Records a booking's parties as its latest event states them.
	 * @param parties the parties
	 */
	void record(BookingParties parties);

	/**
	 * Finds a booking's parties.
	 * @param bookingId the booking
	 * @return them, if booking told of it
	 */
	Optional<BookingParties> find(String bookingId);

}
