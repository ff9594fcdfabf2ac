package org.mutualis.notifications.directory;

import java.util.List;

/**
 * The administrators: the people told of every new report. They are the people identity made administrators
 * ({@code mutualis.person.administrator-granted.v1}, kept in the people read model), plus a bootstrap list from
 * configuration ({@code mutualis.notifications.administrators}: person ids or e-mail addresses, the latter resolved once
 * identity has told of the person) for stores whose administrators were made before identity published that event;
 * the configuration is read, never stored.
 */
public interface Administrators {

	/** @return the person ids of the administrators known now: granted by identity or configured */
	List<String> personIds();

}
