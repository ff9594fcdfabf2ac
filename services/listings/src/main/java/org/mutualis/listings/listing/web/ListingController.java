package org.mutualis.listings.listing.web;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.mutualis.listings.listing.Listing;
import org.mutualis.listings.listing.application.ListingManagement;
import org.mutualis.listings.listing.application.ListingPage;
import org.mutualis.listings.web.ListingView;
import org.mutualis.listings.web.ListingViews;
import org.mutualis.listings.web.TransitionView;
import org.mutualis.listings.web.Versions;
import org.mutualis.platform.security.Actor;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Managers create, edit, submit and archive their organisation's listings; anyone reads what they may see. */
@RestController
class ListingController {

	private final ListingManagement management;

	private final ListingRequestMapper requests;

	private final ListingViews views;

	ListingController(ListingManagement management, ListingRequestMapper requests, ListingViews views) {
		this.management = management;
		this.requests = requests;
		this.views = views;
	}

	@PostMapping("/api/listings")
	ResponseEntity<ListingView> create(Actor actor, @Valid @RequestBody ListingRequest request) {
		Listing listing = this.management.create(actor, this.requests.toDetails(request));
		return Versions.withETag(ResponseEntity.created(URI.create("/api/listings/" + listing.id())), view(listing, actor));
	}

	@GetMapping("/api/listings/{id}")
	ResponseEntity<ListingView> read(@Nullable Actor actor, @PathVariable String id) {
		return Versions.withETag(ResponseEntity.ok(), view(this.management.read(actor, id), actor));
	}

	@PutMapping("/api/listings/{id}")
	ResponseEntity<ListingView> edit(Actor actor, @PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@Valid @RequestBody ListingRequest request) {
		Listing listing = this.management.edit(actor, id, Versions.required(ifMatch), this.requests.toDetails(request));
		return Versions.withETag(ResponseEntity.ok(), view(listing, actor));
	}

	@PostMapping("/api/listings/{id}/submit")
	ResponseEntity<ListingView> submit(Actor actor, @PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		return Versions.withETag(ResponseEntity.ok(),
				view(this.management.submit(actor, id, Versions.parse(ifMatch)), actor));
	}

	@PostMapping("/api/listings/{id}/archive")
	ResponseEntity<ListingView> archive(Actor actor, @PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		return Versions.withETag(ResponseEntity.ok(),
				view(this.management.archive(actor, id, Versions.parse(ifMatch)), actor));
	}

	@GetMapping("/api/listings/{id}/history")
	List<TransitionView> history(Actor actor, @PathVariable String id) {
		return this.views.toViews(this.management.readHistory(actor, id).history());
	}

	/** One page of an organisation's listings, newest first; {@code X-Total-Count} and a {@code Link} to the next. */
	@GetMapping("/api/listings/organisations/{organisationId}")
	ResponseEntity<List<ListingView>> ofOrganisation(Actor actor, @PathVariable String organisationId,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(required = false) @Nullable @Min(1) Integer size) {
		ListingPage found = this.management.ownedBy(actor, organisationId, page, size);
		ResponseEntity.BodyBuilder response = ResponseEntity.ok().header("X-Total-Count", String.valueOf(found.total()));
		if ((long) (found.page() + 1) * found.size() < found.total()) {
			response.header(HttpHeaders.LINK, "</api/listings/organisations/" + organisationId + "?page="
					+ (found.page() + 1) + "&size=" + found.size() + ">; rel=\"next\"");
		}
		return response.body(found.listings().stream().map((listing) -> view(listing, actor)).toList());
	}

	private ListingView view(Listing listing, @Nullable Actor actor) {
		ListingView view = this.views.toView(listing);
		return (actor == null) ? view.withoutContact() : view;
	}

}
