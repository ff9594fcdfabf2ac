package org.mutualis.notifications.conversation.web;

import java.util.List;

import jakarta.validation.Valid;
import org.mutualis.notifications.conversation.ConversationMessage;
import org.mutualis.notifications.conversation.application.Conversing;
import org.mutualis.platform.security.Actor;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Conversations of the acting organisation: one per booking, one per listing inquiry. */
@RestController
@RequestMapping("/api/notifications/conversations")
class ConversationController {

	private final Conversing conversing;

	ConversationController(Conversing conversing) {
		this.conversing = conversing;
	}

	@GetMapping
	List<ConversationView> mine(Actor actor) {
		return this.conversing.mine(actor)
			.stream()
			.map((conversation) -> ConversationView.of(conversation, actor.organisationId(), false))
			.toList();
	}

	@GetMapping("/{id}")
	ConversationView conversation(Actor actor, @PathVariable String id) {
		return ConversationView.of(this.conversing.read(actor, id), actor.organisationId(), true);
	}

	@PostMapping("/bookings/{bookingId}/messages")
	@ResponseStatus(HttpStatus.CREATED)
	ConversationMessage postAboutBooking(Actor actor, @PathVariable String bookingId,
			@Valid @RequestBody MessageRequest request) {
		return this.conversing.postAboutBooking(actor, bookingId, request.text()).message();
	}

	@PostMapping("/listings/{listingId}/messages")
	@ResponseStatus(HttpStatus.CREATED)
	ConversationMessage askAboutListing(Actor actor, @PathVariable String listingId,
			@Valid @RequestBody MessageRequest request) {
		return this.conversing.askAboutListing(actor, listingId, request.text()).message();
	}

	@PostMapping("/{id}/messages")
	@ResponseStatus(HttpStatus.CREATED)
	ConversationMessage reply(Actor actor, @PathVariable String id, @Valid @RequestBody MessageRequest request) {
		return this.conversing.reply(actor, id, request.text()).message();
	}

	@PostMapping("/{id}/read")
	ConversationView markRead(Actor actor, @PathVariable String id) {
		return ConversationView.of(this.conversing.markRead(actor, id), actor.organisationId(), false);
	}

	@PostMapping("/{id}/report")
	ConversationView report(Actor actor, @PathVariable String id) {
		return ConversationView.of(this.conversing.report(actor, id), actor.organisationId(), false);
	}

}
