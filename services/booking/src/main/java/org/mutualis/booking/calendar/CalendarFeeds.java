package org.mutualis.booking.calendar;

import java.util.List;
import java.util.Optional;

/** The calendar feeds organisations created. */
public interface CalendarFeeds {

	/**
	 * Stores a new feed.
	 * @param feed the feed
	 */
	void add(CalendarFeed feed);

	/**
	 * Finds a feed of an organisation.
	 * @param id feed id
	 * @param organisationId the organisation that must own it
	 * @return the feed, or empty when it does not exist or belongs to another organisation
	 */
	Optional<CalendarFeed> find(String id, String organisationId);

	/**
	 * Finds the feed a token opens.
	 * @param tokenHash hex SHA-256 of the token
	 * @return the feed, or empty when no live feed has this token
	 */
	Optional<CalendarFeed> findByTokenHash(String tokenHash);

	/**
	 * Replaces a feed's token.
	 * @param feed the feed with its new token hash and rotation time
	 * @return whether the feed still existed
	 */
	boolean replaceToken(CalendarFeed feed);

	/**
	 * Deletes a feed: its address stops working at once.
	 * @param id feed id
	 * @param organisationId the organisation that must own it
	 * @return whether a feed was deleted
	 */
	boolean remove(String id, String organisationId);

	/**
	 * Lists an organisation's feeds.
	 * @param organisationId the organisation
	 * @return its feeds, oldest first
	 */
	List<CalendarFeed> ofOrganisation(String organisationId);

}
