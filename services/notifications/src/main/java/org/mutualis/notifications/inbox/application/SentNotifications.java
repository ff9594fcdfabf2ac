package org.mutualis.notifications.inbox.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The {@value #NAME} counter, tagged by channel: notifications written to inboxes ({@code in-app}) and e-mails queued
 * for sending ({@code e-mail}); the live streams count what they push ({@code push}).
 */
public final class SentNotifications {

	/** Name of the counter. */
	public static final String NAME = "mutualis.notifications.sent";

	private final Counter inApp;

	private final Counter email;

	private final Counter push;

	/**
	 * Registers the counter's three series.
	 * @param meters the registry
	 */
	public SentNotifications(MeterRegistry meters) {
		this.inApp = counter(meters, "in-app");
		this.email = counter(meters, "e-mail");
		this.push = counter(meters, "push");
	}

	private static Counter counter(MeterRegistry meters, String channel) {
		return Counter.builder(NAME).description("Notifications sent, by channel").tag("channel", channel).register(meters);
	}

	void inApp(long count) {
		this.inApp.increment(count);
	}

	void email(long count) {
		this.email.increment(count);
	}

	/**
	 * Counts notifications pushed on live streams.
	 * @param count how many
	 */
	public void push(long count) {
		this.push.increment(count);
	}

}
