package org.mutualis.booking.reservation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** The stored bookings. */
public interface Bookings {

	/**
	 * Finds a booking.
	 * @param id booking id
	 * @return it, if stored
	 */
	Optional<Booking> find(String id);

	/**
	 * Stores a booking's state with its events, in one conditional write.
	 * @param booking the booking
	 * @throws org.mutualis.platform.aggregate.StaleVersion when it changed meanwhile
	 * @throws org.springframework.dao.DuplicateKeyException when a new booking's id exists (a retried request)
	 */
	void save(Booking booking);

	/**
	 * Lists the ids among some that exist, with their status.
	 * @param ids booking ids
	 * @return the stored ones' statuses
	 */
	java.util.Map<String, BookingStatus> statuses(Collection<String> ids);

	/**
	 * Reads what the stored bookings among some say about the time they hold, for the repair of holds.
	 * @param ids booking ids
	 * @return the stored ones' status, listing and time occupied (buffers included)
	 */
	java.util.Map<String, HeldTime> heldTimes(Collection<String> ids);

	/**
	 * What a stored booking says about its hold.
	 * @param status where it stands
	 * @param listingId its listing
	 * @param occupied its time widened by its buffers: where its hold must be while it holds time
	 */
	record HeldTime(BookingStatus status, String listingId, TimeRange occupied) {
	}

	/**
	 * Lists the bookings of a series, by start.
	 * @param seriesId the series
	 * @return its bookings
	 */
	List<Booking> ofSeries(String seriesId);

	/**
	 * Lists a page of bookings.
	 * @param query what to select
	 * @param page page number from 0
	 * @param size page size
	 * @return the page
	 */
	BookingPage list(BookingQuery query, int page, int size);

	/**
	 * Lists bookings due for a scheduled transition.
	 * @param due which
	 * @param now the current time
	 * @param margin for reminders, how long before the start they are due; for completion, how long after the end
	 * @param limit at most this many
	 * @return booking ids
	 */
	List<String> due(Due due, Instant now, java.time.Duration margin, int limit);

	/** Scheduled transitions. */
	enum Due {

		/** REQUESTED whose expiry has come. */
		EXPIRY,
		/** CONFIRMED that ended at least the margin ago. */
		COMPLETION,
		/** CONFIRMED starting within the margin, not started, not reminded yet. */
		REMINDER

	}

	/**
	 * A selection of bookings.
	 * @param borrowerOrganisationId bookings this organisation borrows, or {@code null}
	 * @param ownerOrganisationId bookings of this organisation's listings, or {@code null}
	 * @param listingId bookings of this listing, or {@code null}
	 * @param statuses statuses, empty for all
	 * @param endsAfter only those ending after this, or {@code null}
	 * @param endsBefore only those ending at or before this, or {@code null}
	 * @param newestFirst order by start descending instead of ascending
	 * @param withoutPendingOffers leave out waiting-list offers their borrower has not accepted yet (the owner has
	 * nothing to decide on them)
	 */
	record BookingQuery(@Nullable String borrowerOrganisationId,
			@Nullable String ownerOrganisationId,
			@Nullable String listingId, Set<BookingStatus> statuses,
			@Nullable Instant endsAfter, @Nullable Instant endsBefore,
			boolean newestFirst, boolean withoutPendingOffers) {
	}

	/**
	 * A page of bookings.
	 * @param items the bookings
	 * @param page page number
	 * @param size page size
	 * @param total bookings selected in all
	 */
	record BookingPage(List<Booking> items, int page, int size, long total) {
	}

}
