package org.mutualis.notifications.inbox;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Every person's notifications. */
public interface Inbox {

	/** Largest page the inbox gives at once. */
	int MAX_PAGE_SIZE = 100;

	/**
	 * Adds a notification with the next number of its person's inbox, unless one with its id exists.
	 * @param draft the notification; its {@code sequence} is ignored
	 * @return the stored notification, or empty if one with this id already existed (a redelivered event)
	 */
	Optional<Notification> add(Notification draft);

	/**
	 * Adds notifications, each with the next number of its person's inbox, skipping those whose id exists: what
	 * {@link #add} does for each, in a few store round trips per person rather than several per notification.
	 * @param drafts the notifications, in the order their numbers follow; their {@code sequence} is ignored
	 * @return the notifications stored now, numbered, in the order given
	 */
	List<Notification> addAll(List<Notification> drafts);

	/**
	 * Which of some notifications exist.
	 * @param ids notification ids
	 * @return the ids among them that exist
	 */
	Set<String> existing(Collection<String> ids);

	/**
	 * Tells whether a notification exists.
	 * @param id notification id
	 * @return whether it exists
	 */
	boolean exists(String id);

	/**
	 * One page of a person's inbox, newest first.
	 * @param personId the person
	 * @param page page number from 0; a page past the last is empty, however large
	 * @param size page size, at most {@link #MAX_PAGE_SIZE}
	 * @return the page
	 */
	Page page(String personId, int page, int size);

	/**
	 * Counts a person's unread notifications: a counter kept with each write, read by id (no scan).
	 * @param personId the person
	 * @return how many
	 */
	long unread(String personId);

	/**
	 * The number of a person's newest notification, read from the counter kept with each write.
	 * @param personId the person
	 * @return the number, 0 for none
	 */
	long newest(String personId);

	/**
	 * Marks one of a person's notifications read.
	 * @param personId the person; another person's notification is not found
	 * @param id notification id
	 * @param at when
	 * @return whether the person has such a notification
	 */
	boolean markRead(String personId, String id, Instant at);

	/**
	 * Marks all of a person's notifications read.
	 * @param personId the person
	 * @param at when
	 * @return how many were unread
	 */
	long markAllRead(String personId, Instant at);

	/**
	 * A person's notifications numbered after a given one, oldest first (what a live stream has not sent yet).
	 * @param personId the person
	 * @param afterSequence the last number already sent
	 * @param limit most to return
	 * @return the notifications
	 */
	List<Notification> after(String personId, long afterSequence, int limit);

	/**
	 * Deletes the notifications written before a time.
	 * @param before the limit
	 * @return how many were deleted
	 */
	long purgeBefore(Instant before);

	/**
	 * A page of an inbox.
	 * @param items the notifications on it
	 * @param page its number
	 * @param size its size
	 * @param total notifications in the inbox
	 */
	record Page(List<Notification> items, int page, int size, long total) {
	}

}
