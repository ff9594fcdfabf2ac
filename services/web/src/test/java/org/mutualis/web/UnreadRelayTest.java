package org.mutualis.web;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mutualis.platform.web.EventStreams;

import org.springframework.beans.factory.annotation.Autowired;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The header's live badge over real HTTP: web opens notifications' stream with the person's token, resuming after
 * their newest notification, and passes on each unread count as the badge's text in their language — never the
 * notifications themselves.
 */
class UnreadRelayTest extends PageTestSupport {

	private static final Map<String, String> SEEN = new ConcurrentHashMap<>();

	private static final HttpServer NOTIFICATIONS;

	private static final AtomicBoolean HOLD = new AtomicBoolean();

	private static final AtomicBoolean UPSTREAM_CLOSED = new AtomicBoolean();

	@Autowired
	private EventStreams streams;

	static {
		try {
			NOTIFICATIONS = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		NOTIFICATIONS.createContext("/api/notifications/stream", (exchange) -> {
			SEEN.put("authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
			SEEN.put("last-event-id", String.valueOf(exchange.getRequestHeaders().getFirst("Last-Event-ID")));
			exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
			exchange.sendResponseHeaders(200, 0);
			if (HOLD.get()) {
				// a stream that stays open, with a keep-alive every 50 ms, until the relay's side closes it
				try (OutputStream out = exchange.getResponseBody()) {
					while (true) {
						out.write(":keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
						out.flush();
						Thread.sleep(50);
					}
				}
				catch (IOException ex) {
					UPSTREAM_CLOSED.set(true);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return;
			}
			try (OutputStream out = exchange.getResponseBody()) {
				out.write((":keep-alive\n\n" + "id:3\nevent:notification\ndata:{\"title\":\"Réservation confirmée\"}\n\n"
						+ "event:unread\ndata:{\"unread\":3}\n\n" + "event:unread\ndata:{\"unread\":1}\n\n"
						// the stream gave way to a newer page of the person's
						+ "retry:60000\n:replaced\n\n")
					.getBytes(StandardCharsets.UTF_8));
			}
		});
		NOTIFICATIONS.setExecutor(Executors.newCachedThreadPool());
		NOTIFICATIONS.start();
	}

	@DynamicPropertySource
	static void notificationsHere(DynamicPropertyRegistry properties) {
		properties.add("mutualis.web.services.notifications",
				() -> "http://127.0.0.1:" + NOTIFICATIONS.getAddress().getPort());
	}

	@AfterAll
	static void stop() {
		NOTIFICATIONS.stop(0);
	}

	@Test
	void relaysOnlyTheUnreadCountsAsTheBadgesTextWithThePersonsToken() throws Exception {
		MvcResult result = this.mvc.perform(get("/notifications/flux").with(signedIn("MEMBER"))).andReturn();
		assertThat(result.getRequest().isAsyncStarted()).isTrue();
		await().untilAsserted(() -> assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("event:unread\ndata:1 non lue\n"));
		String relayed = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(relayed).contains("event:unread\ndata:3 non lues\n").doesNotContain("Réservation confirmée")
			.contains(":keep-alive");
		await().untilAsserted(() -> assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("retry:60000\n"));
		assertThat(SEEN).containsEntry("authorization", "Bearer " + this.services.token())
			.containsEntry("last-event-id", "2");
	}

	@Test
	void stoppingEndsTheOpenRelaysAndTheirUpstreamsSoThatShutdownDoesNotWaitForThem() throws Exception {
		HOLD.set(true);
		try {
			MvcResult result = this.mvc.perform(get("/notifications/flux").with(signedIn("MEMBER"))).andReturn();
			await().untilAsserted(() -> assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
				.contains(":keep-alive"));
			assertThat(this.streams.open()).isEqualTo(1);
			this.streams.stop();
			// the browser's request ends, and with it the connection to notifications
			result.getAsyncResult(5_000);
			await().untilTrue(UPSTREAM_CLOSED);
			assertThat(this.streams.open()).isZero();
			MvcResult late = this.mvc.perform(get("/notifications/flux").with(signedIn("MEMBER"))).andReturn();
			late.getAsyncResult(5_000);
			assertThat(this.streams.open()).isZero();
		}
		finally {
			HOLD.set(false);
			this.streams.start();
		}
	}

}
