package org.mutualis.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * A person's live stream of server-sent events ({@code GET /api/notifications/stream}) read through the gateway with
 * their bearer token: every event received is kept, in order, until {@link #close()}.
 */
final class LiveStream implements AutoCloseable {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final List<Event> events = new CopyOnWriteArrayList<>();

	private final AtomicInteger status = new AtomicInteger();

	private final Thread reader;

	private volatile boolean closed;

	private LiveStream(String gateway, String token) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/notifications/stream"))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "text/event-stream")
			.GET()
			.build();
		this.reader = Thread.ofVirtual().name("live-stream").start(() -> read(request));
	}

	/**
	 * Opens a stream; its events arrive in the background.
	 * @param gateway the gateway's address
	 * @param token the person's access token
	 * @return the stream
	 */
	static LiveStream open(String gateway, String token) {
		return new LiveStream(gateway, token);
	}

	/** @return the HTTP status the stream was answered with, 0 until it is */
	int status() {
		return this.status.get();
	}

	/** @return the events received so far, oldest first */
	List<Event> events() {
		return List.copyOf(this.events);
	}

	/**
	 * The {@code notification} events received so far whose data contains a text.
	 * @param text e.g. a booking's id
	 * @return their data (JSON text)
	 */
	List<String> notificationsAbout(String text) {
		List<String> found = new ArrayList<>();
		for (Event event : this.events) {
			if ("notification".equals(event.name()) && event.data().contains(text)) {
				found.add(event.data());
			}
		}
		return found;
	}

	private void read(HttpRequest request) {
		try {
			HttpResponse<Stream<String>> response = this.http.send(request, HttpResponse.BodyHandlers.ofLines());
			this.status.set(response.statusCode());
			String id = null;
			String name = null;
			StringBuilder data = new StringBuilder();
			try (Stream<String> lines = response.body()) {
				for (String line : (Iterable<String>) lines::iterator) {
					if (this.closed) {
						return;
					}
					if (line.isEmpty()) {
						if (!data.isEmpty() || name != null) {
							this.events.add(new Event(id, (name != null) ? name : "message", data.toString()));
						}
						id = null;
						name = null;
						data.setLength(0);
					}
					else if (line.startsWith("id:")) {
						id = line.substring("id:".length()).strip();
					}
					else if (line.startsWith("event:")) {
						name = line.substring("event:".length()).strip();
					}
					else if (line.startsWith("data:")) {
						data.append(data.isEmpty() ? "" : "\n").append(line.substring("data:".length()).stripLeading());
					}
				}
			}
		}
		catch (Exception ex) {
			if (!this.closed) {
				this.events.add(new Event(null, "error", String.valueOf(ex)));
			}
		}
	}

	@Override
	public void close() {
		this.closed = true;
		this.reader.interrupt();
		this.http.shutdownNow();
	}

	/** One server-sent event. */
	record Event(@Nullable String id, String name, String data) {
	}

}
