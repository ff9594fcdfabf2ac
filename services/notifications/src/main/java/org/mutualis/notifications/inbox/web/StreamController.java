package org.mutualis.notifications.inbox.web;

import org.jspecify.annotations.Nullable;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.security.Actor;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The signed-in person's live stream of server-sent events: {@code notification} events numbered by the inbox (the
 * event id), and {@code unread} events with the count. A client that reconnects sends {@code Last-Event-ID} and
 * gets exactly what it missed.
 */
@RestController
class StreamController {

	private final LiveStreams streams;

	StreamController(LiveStreams streams) {
		this.streams = streams;
	}

	@GetMapping(path = "/api/notifications/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(Actor actor, @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId) {
		return this.streams.open(actor.personId(), lastEventId(lastEventId));
	}

	private static long lastEventId(@Nullable String header) {
		if (header == null || header.isBlank()) {
			return 0;
		}
		try {
			long value = Long.parseLong(header.strip());
			if (value < 0) {
				throw Refusal.invalidField("last-event-id-invalid", "Last-Event-ID");
			}
			return value;
		}
		catch (NumberFormatException ex) {
			throw Refusal.invalidField("last-event-id-invalid", "Last-Event-ID");
		}
	}

}
