package org.mutualis.platform.events;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * The in-process signal that an outbox write has committed: it wakes the {@link OutboxRelay relays} running in this
 * JVM at once instead of at their next poll. Signals given while a relay is busy coalesce into one more pass. A signal
 * that names the document lets the relay read just that document instead of scanning the collection (the embedded
 * store scans every document for the outbox query, so a scan per commit would grow with the data). A signal that
 * also carries the events just stored, with the version they were stored at, lets the relay publish them without
 * reading the document at all, when it knows it published every earlier event of that document.
 * <p>
 * It is JVM-wide on purpose: a writer needs no reference to the relay (the store and the relay are built apart),
 * and a JVM runs one service, so the extra pass another context's relay may make in a test costs one query.
 */
public final class OutboxWakeUp {

	private static final Set<OutboxWakeUp> listening = new CopyOnWriteArraySet<>();

	/** At most one pending wake-up: a burst of commits during a pass yields one more pass, not one per commit. */
	private final Semaphore pending = new Semaphore(0);

	/** Documents named by signals and not yet taken by the relay, by collection, in the order of the signals. */
	private final Map<String, Map<Object, Written>> written = new ConcurrentHashMap<>();

	private volatile boolean scanRequested;

	/**
	 * Tells every listening relay that events were just stored in one document; returns at once.
	 * @param collection the document's collection
	 * @param id the document's {@code _id}
	 */
	public static void committed(String collection, Object id) {
		for (OutboxWakeUp wakeUp : listening) {
			wakeUp.add(collection, id, null);
			wakeUp.signal();
		}
	}

	/**
	 * Tells every listening relay that these events were just stored in one document, appended to its outbox by the
	 * write that stored this version of it; returns at once.
	 * @param collection the document's collection
	 * @param id the document's {@code _id}
	 * @param version the version the write stored: {@code 0} only for the insert that created the document with these
	 * events as its whole outbox (the aggregate store's numbering)
	 * @param events the outbox messages the write appended, in order
	 */
	public static void committed(String collection, Object id, long version, List<OutboxMessage> events) {
		Stored stored = new Stored(version, List.copyOf(events));
		for (OutboxWakeUp wakeUp : listening) {
			wakeUp.add(collection, id, stored);
			wakeUp.signal();
		}
	}

	private void add(String collection, Object id, @Nullable Stored stored) {
		Map<Object, Written> documents = this.written.computeIfAbsent(collection, (name) -> new LinkedHashMap<>());
		synchronized (documents) {
			documents.computeIfAbsent(id, (key) -> new Written()).add(stored);
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
	 * @return what was signalled of each document, by {@code _id}, in the order of their first signals; possibly empty
	 */
	Map<Object, Written> takeWritten(String collection) {
		Map<Object, Written> documents = this.written.get(collection);
		if (documents == null) {
			return Map.of();
		}
		synchronized (documents) {
			Map<Object, Written> taken = new LinkedHashMap<>(documents);
			documents.clear();
			return taken;
		}
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

	/**
	 * Events stored by one write.
	 * @param version the version the write stored
	 * @param events its outbox messages, in order
	 */
	record Stored(long version, List<OutboxMessage> events) {
	}

	/** What the signals since the relay's last pass said of one document. */
	static final class Written {

		private final List<Stored> stored = new ArrayList<>();

		private boolean unknown;

		void add(@Nullable Stored write) {
			if (write == null) {
				this.unknown = true;
			}
			else {
				this.stored.add(write);
			}
		}

		/**
		 * The writes signalled with their events, by version; empty when a signal named the document without them,
		 * so that the document must be read.
		 * @return the writes, oldest first
		 */
		List<Stored> writes() {
			if (this.unknown) {
				return List.of();
			}
			List<Stored> sorted = new ArrayList<>(this.stored);
			sorted.sort(Comparator.comparingLong(Stored::version));
			return sorted;
		}

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
