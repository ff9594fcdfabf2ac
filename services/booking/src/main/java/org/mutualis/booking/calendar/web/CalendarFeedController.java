package org.mutualis.booking.calendar.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import org.mutualis.booking.calendar.application.FeedManagement;
import org.mutualis.booking.calendar.application.FeedManagement.FeedContents;
import org.mutualis.booking.calendar.application.FeedManagement.IssuedFeed;
import org.mutualis.platform.security.Actor;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Calendar feeds: managers create, list, rotate and revoke them; anyone holding a feed's address reads it. */
@RestController
@RequestMapping(CalendarFeedController.BASE)
class CalendarFeedController {

	static final String BASE = "/api/bookings/calendar/feeds";

	static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);

	private final FeedManagement feeds;

	private final IcsCalendar ics;

	CalendarFeedController(FeedManagement feeds, IcsCalendar ics) {
		this.feeds = feeds;
		this.ics = ics;
	}

	@PostMapping
	ResponseEntity<FeedView> create(Actor actor, @Valid @RequestBody FeedRequest request) {
		IssuedFeed issued = this.feeds.create(actor, request.scope(), request.listingId(), request.language());
		return ResponseEntity.created(URI.create(BASE + "/" + issued.feed().id()))
			.cacheControl(CacheControl.noStore())
			.body(FeedView.of(issued.feed(), issued.token()));
	}

	@GetMapping
	List<FeedView> list(Actor actor) {
		return this.feeds.list(actor).stream().map((feed) -> FeedView.of(feed, null)).toList();
	}

	@PostMapping("/{feedId}/rotate")
	ResponseEntity<FeedView> rotate(Actor actor, @PathVariable String feedId) {
		IssuedFeed issued = this.feeds.rotate(actor, feedId);
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(FeedView.of(issued.feed(), issued.token()));
	}

	@DeleteMapping("/{feedId}")
	ResponseEntity<Void> revoke(Actor actor, @PathVariable String feedId) {
		this.feeds.revoke(actor, feedId);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{token}.ics")
	ResponseEntity<String> feed(@PathVariable String token) {
		FeedContents contents = this.feeds.open(token);
		// calendar apps poll; a short private cache keeps a revocation effective within minutes
		return ResponseEntity.ok()
			.contentType(TEXT_CALENDAR)
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate())
			.header("X-Robots-Tag", "noindex")
			.body(this.ics.render(contents.feed(), contents.entries()));
	}

}
