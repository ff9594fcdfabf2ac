package org.mutualis.booking.reservation;

import java.util.Optional;

/**
 * What became of booking requests, as counted by the {@value #METRIC} metric (tag {@value #TAG}): one count per stored
 * transition, and one per request refused because its time was taken.
 */
public enum BookingOutcome {

	/** A request was stored (also a waiting-list offer the borrower accepted for an approval listing). */
	REQUESTED("requested"),
	/** A booking was confirmed: by the owner, at once for an instant listing, or by accepting a counter-proposal. */
	CONFIRMED("confirmed"),
	/** The owner declined a request. */
	DECLINED("declined"),
	/** Either side cancelled, or the borrower declined a counter-proposal. */
	CANCELLED("cancelled"),
	/** A request nobody answered, or a waiting-list offer nobody took, expired. */
	EXPIRED("expired"),
	/** A confirmed booking ended and completed. */
	COMPLETED("completed"),
	/** The borrower did not come. */
	NO_SHOW("no-show"),
	/** A request was refused because the time no longer had the units ({@code 409 slot-unavailable}). */
	CONFLICT("conflict");

	/** Name of the counter. */
	public static final String METRIC = "mutualis.bookings";

	/** Name of the counter's tag. */
	public static final String TAG = "outcome";

	private final String tag;

	BookingOutcome(String tag) {
		this.tag = tag;
	}

	/** @return the tag's value */
	public String tag() {
		return this.tag;
	}

	/**
	 * The outcome a stored event counts as.
	 * @param event the event
	 * @return its outcome; none for counter-proposals, waiting-list offers and reminders
	 */
	public static Optional<BookingOutcome> of(BookingEvent event) {
		return Optional.ofNullable(switch (event) {
			case BookingRequested e -> REQUESTED;
			case BookingConfirmed e -> CONFIRMED;
			case BookingDeclined e -> DECLINED;
			case BookingExpired e -> EXPIRED;
			case BookingCancelled e -> CANCELLED;
			case BookingCompleted e -> COMPLETED;
			case BookingNoShow e -> NO_SHOW;
			case BookingCounterProposed e -> null;
			case BookingWaitlistOffered e -> null;
			case BookingReminderDue e -> null;
		});
	}

}
