package org.mutualis.notifications.preferences;

import java.time.Instant;
import java.util.Optional;

/** Secret tokens carried by e-mails' unsubscribe links: each stops e-mail of one category for one person. */
public interface UnsubscribeTokens {

	/**
	 * Issues a token.
	 * @param personId the person the e-mail goes to
	 * @param category the category of the e-mail
	 * @return the token, unguessable and safe in a URL
	 */
	String issue(String personId, Category category);

	/**
	 * Deletes the tokens issued before a time (the e-mails that carried them are as old).
	 * @param before the limit
	 * @return how many were deleted
	 */
	long purgeBefore(Instant before);

	/**
	 * Finds what a token stops.
	 * @param token the token
	 * @return the person and category, if the token exists
	 */
	Optional<Subscription> find(String token);

	/**
	 * What an unsubscribe token stops.
	 * @param personId the person
	 * @param category the category
	 */
	record Subscription(String personId, Category category) {
	}

}
