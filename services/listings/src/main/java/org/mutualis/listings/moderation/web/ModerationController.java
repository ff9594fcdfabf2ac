package org.mutualis.listings.moderation.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.mutualis.listings.listing.Listing;
import org.mutualis.listings.listing.application.ListingManagement;
import org.mutualis.listings.listing.web.ListingView;
import org.mutualis.listings.listing.web.ListingWebMapper;
import org.mutualis.listings.listing.web.TransitionView;
import org.mutualis.listings.listing.web.Versions;
import org.mutualis.listings.moderation.ListingModeration;
import org.mutualis.listings.report.Report;
import org.mutualis.listings.report.ReportOutcome;
import org.mutualis.listings.report.ReportReason;
import org.mutualis.listings.report.application.ReportHandling;
import org.mutualis.platform.security.Actor;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Administrators publish, reject, suspend and reinstate listings, and read the moderation queue. */
@RestController
class ModerationController {

	private final ListingModeration moderation;

	private final ListingManagement listings;

	private final ReportHandling reports;

	private final ListingWebMapper mapper;

	ModerationController(ListingModeration moderation, ListingManagement listings, ReportHandling reports,
			ListingWebMapper mapper) {
		this.moderation = moderation;
		this.listings = listings;
		this.reports = reports;
		this.mapper = mapper;
	}

	@PostMapping("/api/listings/{id}/publish")
	ResponseEntity<ListingView> publish(Actor actor, @PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		return answer(this.moderation.publish(actor, id, Versions.parse(ifMatch)));
	}

	@PostMapping("/api/listings/{id}/reject")
	ResponseEntity<ListingView> reject(Actor actor, @PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@Valid @RequestBody ReasonRequest request) {
		return answer(this.moderation.reject(actor, id, request.reason(), Versions.parse(ifMatch)));
	}

	@PostMapping("/api/listings/{id}/suspend")
	ResponseEntity<ListingView> suspend(Actor actor, @PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@Valid @RequestBody ReasonRequest request) {
		return answer(this.moderation.suspend(actor, id, request.reason(), Versions.parse(ifMatch)));
	}

	@PostMapping("/api/listings/{id}/reinstate")
	ResponseEntity<ListingView> reinstate(Actor actor, @PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		return answer(this.moderation.reinstate(actor, id, Versions.parse(ifMatch)));
	}

	@GetMapping("/api/listings/moderation/queue")
	Queue queue(Actor actor) {
		List<QueueItem> pending = this.moderation.reviewQueue(actor).stream().map((listing) -> item(actor, listing))
			.toList();
		Map<String, List<Report>> reportsByListing = new LinkedHashMap<>();
		for (Report report : this.reports.open(actor)) {
			reportsByListing.computeIfAbsent(report.listingId(), (id) -> new ArrayList<>()).add(report);
		}
		List<QueueItem> reported = new ArrayList<>();
		reportsByListing.keySet().forEach((listingId) -> reported.add(item(actor, this.listings.load(listingId))));
		return new Queue(pending, reported);
	}

	@GetMapping("/api/listings/moderation/listings/{id}")
	QueueItem moderationCase(Actor actor, @PathVariable String id) {
		return item(actor, this.listings.readHistory(actor, id));
	}

	private QueueItem item(Actor actor, Listing listing) {
		return new QueueItem(this.mapper.toView(listing.snapshot()), this.mapper.toViews(listing.history()),
				this.reports.about(actor, listing.id()).stream().map(ReportSummary::of).toList());
	}

	private ResponseEntity<ListingView> answer(Listing listing) {
		return Versions.withETag(ResponseEntity.ok(), this.mapper.toView(listing.snapshot()));
	}

	record ReasonRequest(@NotBlank @Size(max = 2000) String reason) {
	}

	record Queue(List<QueueItem> pendingReview, List<QueueItem> reported) {
	}

	record QueueItem(ListingView listing, List<TransitionView> history, List<ReportSummary> reports) {
	}

	record ReportSummary(String id, String reporterId, @Nullable String reporterOrganisationId, ReportReason reason,
			@Nullable String details, Instant reportedAt, boolean open, @Nullable ReportOutcome outcome,
			@Nullable String resolutionNote, @Nullable String resolvedBy, @Nullable Instant resolvedAt) {

		static ReportSummary of(Report report) {
			Report.Resolution resolution = report.resolution();
			return new ReportSummary(report.id(), report.reporterId(), report.reporterOrganisationId(), report.reason(),
					report.details(), report.reportedAt(), report.isOpen(),
					(resolution != null) ? resolution.outcome() : null, (resolution != null) ? resolution.note() : null,
					(resolution != null) ? resolution.adminId() : null,
					(resolution != null) ? resolution.resolvedAt() : null);
		}

	}

}
