package org.mutualis.notifications.inbox;

import java.util.List;

/** Told when a person's inbox received something, so that their live streams send it without waiting. */
public interface NewNotifications {

	/**
	 * Signals notifications this instance just stored, handing them over so that live streams send them without
	 * reading them back from the store.
	 * @param notifications the notifications as stored (numbered)
	 */
	void stored(List<Notification> notifications);

	/**
	 * Signals that a person's inbox changed.
	 * @param personId the person
	 */
	void arrived(String personId);

}
