package org.mutualis.booking.calendar.web;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.mutualis.booking.calendar.CalendarFeed;
import org.mutualis.booking.calendar.FeedScope;

/**
 * A calendar feed as its managers see it; the token and address appear only when they are made.
 *
 * @param id the feed's id
 * @param scope what it shows
 * @param listingId its listing, for a listing feed
 * @param language language of its texts
 * @param createdBy the manager who created it
 * @param createdAt when
 * @param rotatedAt when its token last changed
 * @param token the secret token, only in the answer that made it
 * @param path the feed's address under the API's host, only in the answer that made it
 */
record FeedView(String id, FeedScope scope, @Nullable String listingId, String language, String createdBy,
		Instant createdAt, Instant rotatedAt, @Nullable String token, @Nullable String path) {

	static FeedView of(CalendarFeed feed, @Nullable String token) {
		return new FeedView(feed.id(), feed.scope(), feed.listingId(), feed.language(), feed.createdBy(), feed.createdAt(),
				feed.rotatedAt(), token, (token != null) ? CalendarFeedController.BASE + "/" + token + ".ics" : null);
	}

}
