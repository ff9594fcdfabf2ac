package org.mutualis.notifications.preferences;

/** What a notification is about; a person chooses the channels of each category. */
public enum Category {

	/** Bookings of one's organisation: requests, answers, counter-proposals, cancellations, completion. */
	BOOKINGS,
	/** Reminders before a booking starts. */
	REMINDERS,
	/** Moderation of one's organisation's listings: published, rejected, suspended, reported. */
	LISTINGS,
	/** The standing of one's organisation: approved, rejected. */
	ORGANISATION,
	/** New messages in one's organisation's conversations. */
	CONVERSATIONS

}
