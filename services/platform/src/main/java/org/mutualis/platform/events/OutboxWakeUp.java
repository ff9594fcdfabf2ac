package org.mutualis.platform.events;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The in-process signal that an outbox write has committed: it wakes the {@link OutboxRelay relays} running in this
 * JVM at once instead of at their next poll. Signals given while a relay is busy coalesce into one more pass.
 * <p>
 * It is JVM-wide on purpose: a writer needs no reference to the relay (the store and the relay are built apart),
 * and a JVM runs one service, so the extra pass another context's relay may make in a test costs one query.
 */
public final class OutboxWakeUp {

	private static final Set<OutboxWakeUp> listening = new CopyOnWriteArraySet<>();

	/** At most one pending wake-up: a burst of commits during a pass yields one more pass, not one per commit. */
	private final Semaphore pending = new Semaphore(0);

	/** Tells every listening relay that an outbox event was just stored; returns at once. */
	public static void committed() {
		for (OutboxWakeUp wakeUp : listening) {
			wakeUp.signal();
		}
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
