package org.mutualis.booking.calendar;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A calendar feed an organisation's manager created. Only the SHA-256 of its secret token is kept, so the stored
 * feeds do not reveal their addresses.
 *
 * @param id the feed's id
 * @param organisationId the organisation whose bookings it shows
 * @param scope what it shows
 * @param listingId the listing, for a {@link FeedScope#LISTING} feed
 * @param language {@code fr} or {@code en}: the language of its texts
 * @param tokenHash hex SHA-256 of the current token
 * @param createdBy the manager who created it
 * @param createdAt when
 * @param rotatedAt when its token last changed
 */
public record CalendarFeed(String id, String organisationId, FeedScope scope, @Nullable String listingId,
		String language, String tokenHash, String createdBy, Instant createdAt, Instant rotatedAt) {
}
