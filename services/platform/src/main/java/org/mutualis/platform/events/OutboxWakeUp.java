package org.mutualis.platform.events;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The in-process signal that an outbox write has committed: it wakes the {@link OutboxRelay relays} running in this
 * JVM at once instead of at their next poll. Signals given while a relay is busy coalesce into one more pass. A signal
 * that names the document lets the relay read just that document instead of scanning the collection (the embedded
 * store scans every document for the outbox query, so a scan per commit would grow with the data).
 * <p>
 * It is JVM-wide on purpose: a writer needs no reference to the relay (the store and the relay are built apart),
 * and a JVM runs one service, so the extra pass another context's relay may make in a test costs one query.
 */
public final class OutboxWakeUp {

	private static final Set<OutboxWakeUp> listening = new CopyOnWriteArraySet<>();

	/** At most one pending wake-up: a burst of commits during a pass yields one more pass, not one per commit. */
	private final Semaphore pending = new Semaphore(0);

	/** Documents named by signals and not yet taken by the relay, by collection. */
	private final Map<String, Set<Object>> written = new ConcurrentHashMap<>();

	private volatile boolean scanRequested;

	/**
	 * Tells every listening relay that events were just stored in one document; returns at once.
	 * @param collection the document's collection
	 * @param id the document's {@code _id}
	 */
	public static void committed(String collection, Object id) {
		for (OutboxWakeUp wakeUp : listening) {
			wakeUp.written.computeIfAbsent(collection, (name) -> ConcurrentHashMap.newKeySet()).add(id);
			wakeUp.signal();
		}
	}

	/** Tells every listening relay that outbox events were just stored somewhere: it scans its collections. */
	public static void committed() {
		for (OutboxWakeUp wakeUp : listening) {
			wakeUp.scanRequested = true;
			wakeUp.signal();
		}
	}

	/**
	 * Takes the documents signalled since the last call.
	 * @param collection a collection
	 * @return their ids, possibly empty
	 */
	Set<Object> takeWritten(String collection) {
		Set<Object> ids = this.written.remove(collection);
		return (ids != null) ? ids : Set.of();
	}

	/** @return whether a signal asked for a scan since the last call */
	boolean takeScanRequest() {
		boolean requested = this.scanRequested;
		this.scanRequested = false;
		return requested;
	}

	/** Starts receiving {@link #committed()} signals. */
	void listen() {
		listening.add(this);
	}

	/** Stops receiving them. */
	void ignore() {
		listening.remove(this);
	}

	/** Wakes this one's waiter (e.g. to stop). */
	void signal() {
		synchronized (this.pending) {
			if (this.pending.availablePermits() == 0) {
				this.pending.release();
			}
		}
	}

	/**
	 * Waits for a signal or the timeout, whichever comes first, and consumes the signal.
	 * @param timeoutMillis the fallback: how long to wait at most
	 * @throws InterruptedException when the waiting thread is interrupted
	 */
	void await(long timeoutMillis) throws InterruptedException {
		if (this.pending.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS)) {
			this.pending.drainPermits();
		}
	}

}
