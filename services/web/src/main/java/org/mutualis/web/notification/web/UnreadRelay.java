package org.mutualis.web.notification.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.mutualis.platform.web.EventStreams;
import org.mutualis.web.WebProperties;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.util.HtmlUtils;

/**
 * Relays the person's unread count from notifications' server-sent events to their browser, server-side with their
 * access token (the browser never holds one): each {@code unread} event upstream becomes an {@code unread} event
 * whose data is the badge's text in the person's language, which htmx's SSE extension swaps into the header. The
 * upstream connection ends with the browser's.
 * <p>
 * The relays are tracked by the platform's {@link EventStreams}, which ends them and their upstream connections when
 * the application stops, before the web server's graceful shutdown would wait for them; the browsers reconnect.
 */
@Component
public class UnreadRelay {

	/** How long one relayed stream lasts; the browser reconnects (with a fresh token) after it. */
	static final Duration LIFETIME = Duration.ofMinutes(4);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

	private final URI notifications;

	private final MessageSource messages;

	private final JsonMapper json;

	private final EventStreams eventStreams;

	UnreadRelay(WebProperties properties, MessageSource messages, JsonMapper json, EventStreams eventStreams) {
		this.notifications = properties.services().notifications();
		this.eventStreams = eventStreams;
		this.messages = messages;
		this.json = json;
	}

	/**
	 * Opens the relay.
	 * @param token the person's current access token
	 * @param newest the number of the person's newest notification (the stream resumes after it: only counts matter)
	 * @param locale the person's language
	 * @return the browser's stream
	 */
	SseEmitter open(String token, long newest, Locale locale) {
		SseEmitter browser = new SseEmitter(LIFETIME.toMillis());
		AtomicReference<InputStream> upstream = new AtomicReference<>();
		Runnable close = () -> {
			InputStream in = upstream.getAndSet(null);
			if (in != null) {
				try {
					in.close();
				}
				catch (IOException ex) {
					// already closed
				}
			}
		};
		if (!this.eventStreams.track(browser, close)) {
			// stopping: the browser reconnects to an instance that stays
			return browser;
		}
		browser.onCompletion(close);
		browser.onTimeout(() -> {
			close.run();
			browser.complete();
		});
		browser.onError((ex) -> close.run());
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(this.notifications.toString().replaceAll("/$", "") + "/api/notifications/stream"))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "text/event-stream")
			.header("Last-Event-ID", Long.toString(newest))
			.GET()
			.build();
		Thread.ofVirtual().name("unread-relay").start(() -> relay(request, browser, upstream, locale));
		return browser;
	}

	private void relay(HttpRequest request, SseEmitter browser, AtomicReference<InputStream> upstream, Locale locale) {
		try {
			HttpResponse<InputStream> response = this.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
			if (response.statusCode() != 200) {
				response.body().close();
				browser.complete();
				return;
			}
			upstream.set(response.body());
			String event = null;
			StringBuilder data = new StringBuilder();
			for (String line : lines(response.body())) {
				if (line.isEmpty()) {
					if ("unread".equals(event)) {
						browser.send(SseEmitter.event().name("unread").data(badge(data.toString(), locale)));
					}
					event = null;
					data.setLength(0);
				}
				else if (line.startsWith("event:")) {
					event = line.substring(6).strip();
				}
				else if (line.startsWith("data:")) {
					data.append(line.substring(5).strip());
				}
				else if (line.startsWith("retry:") && line.substring(6).strip().matches("\\d{1,9}")) {
					// notifications ended this stream for a newer page of the person's: this page waits before
					// it reconnects, rather than taking the place back at once
					browser.send(SseEmitter.event().reconnectTime(Long.parseLong(line.substring(6).strip())));
				}
				else if (line.startsWith(":")) {
					// the upstream keep-alive: passing it on shows a browser that has gone as a failed write
					browser.send(SseEmitter.event().comment("keep-alive"));
				}
			}
			browser.complete();
		}
		catch (IOException | IllegalStateException | java.io.UncheckedIOException ex) {
			// the browser left (a failed write) or notifications ended the stream: the browser reconnects
			browser.complete();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			browser.complete();
		}
		finally {
			InputStream in = upstream.getAndSet(null);
			if (in != null) {
				try {
					in.close();
				}
				catch (IOException ex) {
					// already closed
				}
			}
		}
	}

	/**
	 * The badge's text for an upstream {@code unread} event's data.
	 * @param data the event's JSON data, {@code {"unread": n}}
	 * @param locale the person's language
	 * @return the text, HTML-escaped
	 */
	String badge(String data, Locale locale) {
		long unread = 0;
		try {
			Map<String, Object> answer = this.json.readValue(data, new TypeReference<Map<String, Object>>() {
			});
			if (answer.get("unread") instanceof Number number) {
				unread = number.longValue();
			}
		}
		catch (RuntimeException ex) {
			// an unreadable event counts as none rather than breaking the header
		}
		return HtmlUtils.htmlEscape(this.messages.getMessage("inbox.badge", new Object[] { unread }, locale));
	}

	private static Iterable<String> lines(InputStream in) {
		java.io.BufferedReader reader = new java.io.BufferedReader(
				new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
		return () -> reader.lines().iterator();
	}

}
