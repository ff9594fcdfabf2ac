package org.mutualis.listings.photo.application;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.mutualis.listings.config.ListingsProperties;
import org.mutualis.platform.problem.Refusal;

import org.springframework.stereotype.Component;

/**
 * Bounds how many uploads are decoded and re-encoded at once, since each takes tens of megabytes of heap: a caller
 * who finds every slot taken for too long is told to retry ({@code 429 photo-decoding-busy}).
 */
@Component
public class PhotoDecoding {

	private final Semaphore slots;

	private final long waitMillis;

	PhotoDecoding(ListingsProperties properties) {
		this.slots = new Semaphore(properties.photos().concurrentDecodes(), true);
		this.waitMillis = properties.photos().decodeWait().toMillis();
	}

	/**
	 * Runs a decoding in a free slot.
	 * @param <T> what the decoding gives
	 * @param decoding the work
	 * @return its result
	 * @throws Refusal {@code photo-decoding-busy} (429) when no slot frees up in time
	 */
	public <T> T run(Supplier<T> decoding) {
		boolean acquired;
		try {
			acquired = this.slots.tryAcquire(this.waitMillis, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			acquired = false;
		}
		if (!acquired) {
			throw Refusal.of(Refusal.Reason.TOO_MANY, "photo-decoding-busy").with("retryAfterSeconds", 1);
		}
		try {
			return decoding.get();
		}
		finally {
			this.slots.release();
		}
	}

}
