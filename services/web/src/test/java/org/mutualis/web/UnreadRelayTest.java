package org.mutualis.web;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

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
			try (OutputStream out = exchange.getResponseBody()) {
				out.write((":keep-alive\n\n" + "id:3\nevent:notification\ndata:{\"title\":\"Réservation confirmée\"}\n\n"
						+ "event:unread\ndata:{\"unread\":3}\n\n" + "event:unread\ndata:{\"unread\":1}\n\n")
					.getBytes(StandardCharsets.UTF_8));
			}
		});
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
		assertThat(SEEN).containsEntry("authorization", "Bearer " + this.services.token())
			.containsEntry("last-event-id", "2");
	}

}
