package org.mutualis.notifications.inbox.web;

import java.time.Clock;
import java.util.Map;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.mutualis.notifications.inbox.Inbox;
import org.mutualis.notifications.inbox.NewNotifications;
import org.mutualis.notifications.web.QueryNumbers;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.security.Actor;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in person's own inbox: a page of it, the unread count, marking read. Nobody reaches another's. */
@RestController
@RequestMapping("/api/notifications/inbox")
class InboxController {

	static final int DEFAULT_PAGE_SIZE = 20;

	private final Inbox inbox;

	private final NewNotifications live;

	private final Clock clock;

	InboxController(Inbox inbox, NewNotifications live, Clock clock) {
		this.inbox = inbox;
		this.live = live;
		this.clock = clock;
	}

	/**
	 * A page of the inbox, newest first; sizes above {@value Inbox#MAX_PAGE_SIZE} give that many, and a page past the
	 * last is empty, however large its number (beyond what an {@code int} holds, too).
	 */
	@GetMapping
	InboxPageView page(Actor actor,
			@Parameter(description = "page number from 0", schema = @Schema(type = "integer", minimum = "0",
					defaultValue = "0")) @RequestParam(required = false) @Nullable String page,
			@Parameter(description = "page size, at least 1; larger than " + Inbox.MAX_PAGE_SIZE + " gives "
					+ Inbox.MAX_PAGE_SIZE, schema = @Schema(type = "integer", minimum = "1",
							defaultValue = "" + DEFAULT_PAGE_SIZE)) @RequestParam(required = false) @Nullable String size) {
		int number = QueryNumbers.read(page, 0, () -> Refusal.invalidField("page-invalid", "page"));
		int count = QueryNumbers.read(size, DEFAULT_PAGE_SIZE,
				() -> Refusal.invalidField("page-size-invalid", "size", Inbox.MAX_PAGE_SIZE));
		if (number < 0) {
			throw Refusal.invalidField("page-invalid", "page");
		}
		if (count < 1) {
			throw Refusal.invalidField("page-size-invalid", "size", Inbox.MAX_PAGE_SIZE);
		}
		Inbox.Page found = this.inbox.page(actor.personId(), number, Math.min(count, Inbox.MAX_PAGE_SIZE));
		return new InboxPageView(found.items().stream().map(NotificationView::of).toList(), found.page(), found.size(),
				found.total(), this.inbox.unread(actor.personId()));
	}

	@GetMapping("/unread-count")
	Map<String, Long> unreadCount(Actor actor) {
		return Map.of("unread", this.inbox.unread(actor.personId()));
	}

	@PostMapping("/{id}/read")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void markRead(Actor actor, @PathVariable String id) {
		if (!this.inbox.markRead(actor.personId(), id, this.clock.instant())) {
			throw Refusal.of(Refusal.Reason.NOT_FOUND, "notification-not-found");
		}
		this.live.arrived(actor.personId());
	}

	@PostMapping("/read-all")
	Map<String, Long> markAllRead(Actor actor) {
		long marked = this.inbox.markAllRead(actor.personId(), this.clock.instant());
		this.live.arrived(actor.personId());
		return Map.of("marked", marked, "unread", this.inbox.unread(actor.personId()));
	}

}
