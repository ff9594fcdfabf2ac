package org.mutualis.notifications.inbox;

/** Told when a person's inbox received something, so that their live streams send it without waiting. */
public interface NewNotifications {

	/**
	 * Signals that a person's inbox changed.
	 * @param personId the person
	 */
	void arrived(String personId);

}
