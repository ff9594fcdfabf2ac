package org.mutualis.local;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/** Starts or stops a group of parts (or instances) in parallel, one virtual thread each, since most of the time goes to waiting. */
final class Concurrently {

	private Concurrently() {
	}

	/**
	 * Runs an action on each part at the same time and waits for all of them.
	 * @param <T> parts or instances
	 * @param group the parts
	 * @param action what to do with each
	 * @throws LaunchException the first one thrown, with the others suppressed
	 */
	static <T> void forEach(List<T> group, Consumer<T> action) {
		if (group.size() == 1) {
			action.accept(group.get(0));
			return;
		}
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> futures = new ArrayList<>();
			group.forEach((part) -> futures.add(executor.submit(() -> action.accept(part))));
			LaunchException failure = null;
			for (Future<?> future : futures) {
				try {
					future.get();
				}
				catch (ExecutionException ex) {
					RuntimeException cause = (ex.getCause() instanceof RuntimeException runtime) ? runtime
							: new IllegalStateException(ex.getCause());
					if (failure == null && cause instanceof LaunchException launch) {
						failure = launch;
					}
					else if (failure == null) {
						throw cause;
					}
					else {
						failure.addSuppressed(cause);
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("interrupted while handling " + group, ex);
				}
			}
			if (failure != null) {
				throw failure;
			}
		}
	}

}
