package org.mutualis.notifications.directory;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The administrators read model: the people told of every new report. Identity's events do not say who is an
 * administrator yet, so it is fed by configuration ({@code mutualis.notifications.administrators}: person ids or
 * e-mail addresses, the latter resolved once identity has told of the person).
 */
public interface Administrators {

	/** @return the person ids of the administrators known now */
	List<String> personIds();

	/**
	 * Learns of a person identity told of: one whose e-mail address is configured becomes an administrator.
	 * @param personId the person
	 * @param email their e-mail address, if known
	 */
	void personKnown(String personId, @Nullable String email);

}
