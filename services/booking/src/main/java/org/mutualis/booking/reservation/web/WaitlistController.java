package org.mutualis.booking.reservation.web;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import org.mutualis.booking.reservation.WaitlistEntry;
import org.mutualis.booking.reservation.application.Reserving;
import org.mutualis.booking.reservation.application.Waitlisting;
import org.mutualis.platform.security.Actor;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Waiting lists: join when the time is full, leave, and accept the offer made when units free up. */
@RestController
class WaitlistController {

	private final Waitlisting waitlisting;

	WaitlistController(Waitlisting waitlisting) {
		this.waitlisting = waitlisting;
	}

	@PostMapping("/api/bookings/waitlist")
	ResponseEntity<WaitlistEntryView> join(Actor actor, @Valid @RequestBody BookingRequest request) {
		WaitlistEntry entry = this.waitlisting.join(actor,
				new Reserving.Request(request.listingId(), request.start(), request.end(),
						(request.quantity() != null) ? request.quantity() : 1, request.acceptPrerequisites(),
						request.message(), null));
		return ResponseEntity.created(URI.create("/api/bookings/waitlist/" + entry.id())).body(WaitlistEntryView.of(entry));
	}

	@GetMapping("/api/bookings/waitlist")
	List<WaitlistEntryView> mine(Actor actor) {
		return this.waitlisting.mine(actor).stream().map(WaitlistEntryView::of).toList();
	}

	@DeleteMapping("/api/bookings/waitlist/{entryId}")
	ResponseEntity<Void> withdraw(Actor actor, @PathVariable String entryId) {
		this.waitlisting.withdraw(actor, entryId);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/bookings/{id}/waitlist-offer/accept")
	ResponseEntity<BookingView> accept(Actor actor, @PathVariable String id) {
		return Versions.withETag(ResponseEntity.ok(), BookingView.of(this.waitlisting.acceptOffer(actor, id)));
	}

}
