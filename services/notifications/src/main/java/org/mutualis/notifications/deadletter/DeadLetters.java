package org.mutualis.notifications.deadletter;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The dead letters of every topic, as the dead-letter topics delivered them. */
public interface DeadLetters {

	/** Most dead letters listed at once. */
	int MAX_LIST = 200;

	/**
	 * Keeps a dead letter; the same one received again changes nothing.
	 * @param letter the letter
	 */
	void keep(DeadLetter letter);

	/**
	 * The dead letters of a topic, newest first.
	 * @param topic the topic they came from
	 * @param limit most to return
	 * @return the letters
	 */
	List<DeadLetter> of(String topic, int limit);

	/**
	 * Finds one.
	 * @param id its id
	 * @return it, if kept
	 */
	Optional<DeadLetter> find(String id);

	/**
	 * Notes that a letter was replayed.
	 * @param id its id
	 * @param at when
	 */
	void replayed(String id, Instant at);

}
