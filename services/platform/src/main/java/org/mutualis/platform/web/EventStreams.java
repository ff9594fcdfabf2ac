package org.mutualis.platform.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.SmartLifecycle;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The server-sent event streams this instance holds open, ended when the application stops. The web server's graceful
 * shutdown waits for the requests in progress, and an open stream would hold it until the stream's own timeout, far
 * beyond the shutdown's allowance (the process was killed instead). This lifecycle stops before the web server's
 * (the default phase comes first when stopping): each stream's end is run and its emitter completed, and a stream
 * tracked from then on ends at once. Clients reconnect, with {@code Last-Event-ID}, to an instance that stays.
 */
public class EventStreams implements SmartLifecycle {

	/** The open streams, each with what releases what it holds. */
	private final Map<SseEmitter, Runnable> open = new ConcurrentHashMap<>();

	private volatile boolean running;

	/**
	 * Tracks a stream until it completes, times out or fails.
	 * @param emitter the stream
	 * @param end what releases what the stream holds (its registration, an upstream connection): run if the
	 * application stops while the stream is open
	 * @return {@code false} when the application is stopping: the emitter is then completed, and nothing was tracked
	 */
	public boolean track(SseEmitter emitter, Runnable end) {
		if (!this.running) {
			emitter.complete();
			return false;
		}
		this.open.put(emitter, end);
		Runnable forget = () -> this.open.remove(emitter);
		emitter.onCompletion(forget);
		emitter.onTimeout(forget);
		emitter.onError((ex) -> forget.run());
		if (!this.running && this.open.remove(emitter) != null) {
			// the stop went through the streams before this one was in
			emitter.complete();
			return false;
		}
		return true;
	}

	/** @return how many streams are open */
	public int open() {
		return this.open.size();
	}

	@Override
	public void start() {
		this.running = true;
	}

	/** Ends every open stream, and any tracked from now on. */
	@Override
	public void stop() {
		this.running = false;
		this.open.keySet().forEach((emitter) -> {
			Runnable end = this.open.remove(emitter);
			if (end != null) {
				end.run();
				emitter.complete();
			}
		});
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
