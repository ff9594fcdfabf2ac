package org.mutualis.platform.events;

/** Names of the Kafka topics; each is owned by the service that produces to it. */
public final class Topics {

	/** Organisations, people and memberships; produced by identity. */
	public static final String IDENTITY = "mutualis.identity.v1";

	/** Listings and their moderation; produced by listings. */
	public static final String LISTINGS = "mutualis.listings.v1";

	/** Bookings; produced by booking. */
	public static final String BOOKINGS = "mutualis.bookings.v1";

	/** Conversations between organisations; produced by notifications. */
	public static final String CONVERSATIONS = "mutualis.conversations.v1";

	/** Suffix of the dead-letter topic that receives what a consumer of a topic could not process. */
	public static final String DEAD_LETTER_SUFFIX = ".dlt";

	private Topics() {
	}

	/**
	 * Names the dead-letter topic of a topic.
	 * @param topic the topic
	 * @return its dead-letter topic
	 */
	public static String deadLetter(String topic) {
		return topic + DEAD_LETTER_SUFFIX;
	}

}
