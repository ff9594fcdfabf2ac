package org.mutualis.notifications.preferences;

/** How a person is told. */
public enum Channel {

	/** The inbox and the live stream; always on. */
	IN_APP,
	/** An e-mail at once, or in the daily digest when the person chose it. */
	EMAIL

}
