package org.mutualis.notifications.preferences;

/** Every person's notification preferences. */
public interface Preferences {

	/**
	 * The preferences of a person.
	 * @param personId the person
	 * @return what they chose, or the defaults if they never chose
	 */
	NotificationPreferences of(String personId);

	/**
	 * Replaces a person's preferences.
	 * @param preferences the new choices
	 */
	void save(NotificationPreferences preferences);

}
