package org.mutualis.listings.listing.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.mutualis.listings.listing.Listing;
import org.mutualis.listings.listing.ListingAccess;
import org.mutualis.listings.listing.application.ListingModeration;
import org.mutualis.listings.web.ListingView;
import org.mutualis.listings.web.ListingViews;
import org.mutualis.listings.web.Versions;
import org.mutualis.platform.security.Actor;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators publish, reject, suspend and reinstate listings; each decision requires
 * {@code If-Match} with the version reviewed ({@code 428} without it, {@code 409} when the listing changed since).
 */
@RestController
class ListingModerationController {

	private final ListingModeration moderation;

	private final ListingViews views;

	ListingModerationController(ListingModeration moderation, ListingViews views) {
		this.moderation = moderation;
		this.views = views;
	}

	@PostMapping("/api/listings/{id}/publish")
	ResponseEntity<ListingView> publish(Actor actor, @PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		return answer(this.moderation.publish(actor, id, decisionVersion(actor, ifMatch)));
	}

	@PostMapping("/api/listings/{id}/reject")
	ResponseEntity<ListingView> reject(Actor actor, @PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@Valid @RequestBody ReasonRequest request) {
		return answer(this.moderation.reject(actor, id, request.reason(), decisionVersion(actor, ifMatch)));
	}

	@PostMapping("/api/listings/{id}/suspend")
	ResponseEntity<ListingView> suspend(Actor actor, @PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@Valid @RequestBody ReasonRequest request) {
		return answer(this.moderation.suspend(actor, id, request.reason(), decisionVersion(actor, ifMatch)));
	}

	@PostMapping("/api/listings/{id}/reinstate")
	ResponseEntity<ListingView> reinstate(Actor actor, @PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		// the version reviewed, as for publishing: an owner may have edited the listing while it was suspended
		return answer(this.moderation.reinstate(actor, id, decisionVersion(actor, ifMatch)));
	}

	private ResponseEntity<ListingView> answer(Listing listing) {
		return Versions.withETag(ResponseEntity.ok(), this.views.toView(listing));
	}

	record ReasonRequest(@NotBlank @Size(max = 2000) String reason) {
	}

	/**
	 * The version a moderator's decision is about. Someone who may not moderate is refused first (403), so that the
	 * missing header (428) is only ever reported to administrators.
	 */
	private static long decisionVersion(Actor actor, @Nullable String ifMatch) {
		ListingAccess.requireAdmin(actor);
		return Versions.requiredForDecision(ifMatch);
	}

}
