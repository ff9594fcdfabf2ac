package org.mutualis.booking.reservation.web;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.mutualis.booking.reservation.Hold;
import org.mutualis.booking.reservation.application.AvailabilityQueries;
import org.mutualis.booking.reservation.application.BookingQueries;
import org.mutualis.booking.reservation.application.OwnerBlocks;
import org.mutualis.platform.security.Actor;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A listing's time: its availability for everyone, its bookings and blocks for its owner, and the batch question. */
@RestController
class ListingCalendarController {

	private final AvailabilityQueries availability;

	private final BookingQueries queries;

	private final OwnerBlocks blocks;

	ListingCalendarController(AvailabilityQueries availability, BookingQueries queries, OwnerBlocks blocks) {
		this.availability = availability;
		this.queries = queries;
		this.blocks = blocks;
	}

	@GetMapping("/api/bookings/listings/{listingId}/availability")
	AvailabilityQueries.ListingAvailability availability(@PathVariable String listingId, @RequestParam String from,
			@RequestParam String to) {
		return this.availability.of(listingId, from, to);
	}

	@PostMapping("/api/bookings/availability")
	AvailabilityQueries.BatchAnswer which(@Valid @RequestBody AvailabilityRequest request) {
		return this.availability.which(request.listingIds(), request.quantity(), request.start(), request.end());
	}

	@GetMapping("/api/bookings/listings/{listingId}/bookings")
	PageView bookings(Actor actor, @PathVariable String listingId,
			@RequestParam(defaultValue = "false") boolean active, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return PageView.of(this.queries.ofListing(actor, listingId, active, page, size));
	}

	@GetMapping("/api/bookings/listings/{listingId}/blocks")
	List<BlockView> blocks(Actor actor, @PathVariable String listingId) {
		return this.blocks.blocks(actor, listingId).stream().map(BlockView::of).toList();
	}

	@PostMapping("/api/bookings/listings/{listingId}/blocks")
	ResponseEntity<BlockView> block(Actor actor, @PathVariable String listingId,
			@Valid @RequestBody BlockRequest request) {
		Hold hold = this.blocks.block(actor, listingId, request.start(), request.end(), request.reason());
		return ResponseEntity.created(URI.create("/api/bookings/listings/" + listingId + "/blocks/" + hold.id()))
			.body(BlockView.of(hold));
	}

	@DeleteMapping("/api/bookings/listings/{listingId}/blocks/{blockId}")
	ResponseEntity<Void> unblock(Actor actor, @PathVariable String listingId, @PathVariable String blockId) {
		this.blocks.unblock(actor, listingId, blockId);
		return ResponseEntity.noContent().build();
	}

}
