package org.mutualis.platform.aggregate;

import java.util.ArrayList;
import java.util.List;

/**
 * Base of every aggregate: it knows the stored version it was loaded at and keeps the events its transitions
 * recorded until the store has written them together with the new state.
 * <p>
 * A transition is: check the precondition, change the state, {@link #record(Object) record} the event. The first
 * save stores version 0; every later save stores the next version and succeeds only if the stored version is
 * still the one this object was loaded at.
 *
 * @param <E> the aggregate's sealed event type
 */
public abstract class AggregateRoot<E> {

	/** The version of an aggregate that has never been stored. */
	public static final long NEW = -1;

	private long version;

	private final List<E> pendingEvents = new ArrayList<>();

	/**
	 * Creates the root.
	 * @param version the stored version it was loaded at, or {@link #NEW}
	 */
	protected AggregateRoot(long version) {
		if (version < NEW) {
			throw new IllegalArgumentException("version " + version);
		}
		this.version = version;
	}

	/** @return the aggregate's id, also the subject (Kafka key) of its events */
	public abstract String id();

	/**
	 * Records an event caused by the transition under way; it is published only if the state change is stored.
	 * @param event the fact
	 */
	protected final void record(E event) {
		this.pendingEvents.add(event);
	}

	/** @return the events recorded since it was loaded or last stored, oldest first */
	public final List<E> pendingEvents() {
		return List.copyOf(this.pendingEvents);
	}

	/** @return the stored version it was loaded at, or {@link #NEW} */
	public final long version() {
		return this.version;
	}

	/** @return whether it has never been stored */
	public final boolean isNew() {
		return this.version == NEW;
	}

	/**
	 * Refuses a change that the caller prepared on another version than the stored one.
	 * @param expected the version the caller saw
	 * @throws StaleVersion when it differs
	 */
	public final void requireVersion(long expected) {
		if (this.version != expected) {
			throw new StaleVersion(id(), expected, this.version);
		}
	}

	/**
	 * Called by the store once state and events are written: the pending events are gone and the version moves on.
	 * @param storedVersion the version now stored
	 */
	public final void stored(long storedVersion) {
		if (storedVersion != this.version + 1) {
			throw new IllegalStateException("stored version " + storedVersion + " after " + this.version);
		}
		this.version = storedVersion;
		this.pendingEvents.clear();
	}

}
