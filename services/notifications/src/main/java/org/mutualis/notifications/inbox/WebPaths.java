package org.mutualis.notifications.inbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The pages of the web application that notifications link to, in one place: the web application serves the same
 * paths (table in the service's README). Paths are relative to the public address (the gateway).
 */
public final class WebPaths {

	/** A booking, for both organisations: {@code /bookings/{bookingId}}. */
	public static final String BOOKING = "/bookings/{bookingId}";

	/** A listing's page: {@code /listings/{listingId}}. */
	public static final String LISTING = "/listings/{listingId}";

	/** The acting organisation's own page: {@code /organisation}. */
	public static final String ORGANISATION = "/organisation";

	/** A conversation between two organisations: {@code /conversations/{conversationId}}. */
	public static final String CONVERSATION = "/conversations/{conversationId}";

	/** The administrators' moderation queue (listings to review, open reports): {@code /admin/moderation}. */
	public static final String MODERATION = "/admin/moderation";

	/** The person's inbox: {@code /notifications}. */
	public static final String INBOX = "/notifications";

	/** The person's notification preferences, where e-mails' unsubscribe links lead: {@code /notifications/preferences}. */
	public static final String PREFERENCES = "/notifications/preferences";

	private WebPaths() {
	}

	/**
	 * The page of a booking.
	 * @param bookingId booking id
	 * @return its path
	 */
	public static String booking(String bookingId) {
		return BOOKING.replace("{bookingId}", segment(bookingId));
	}

	/**
	 * The page of a listing.
	 * @param listingId listing id
	 * @return its path
	 */
	public static String listing(String listingId) {
		return LISTING.replace("{listingId}", segment(listingId));
	}

	/**
	 * The page of a conversation.
	 * @param conversationId conversation id
	 * @return its path
	 */
	public static String conversation(String conversationId) {
		return CONVERSATION.replace("{conversationId}", segment(conversationId));
	}

	private static String segment(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
