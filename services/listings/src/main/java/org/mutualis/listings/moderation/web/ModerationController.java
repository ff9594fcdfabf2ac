package org.mutualis.listings.moderation.web;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.mutualis.listings.moderation.application.ReviewQueue;
import org.mutualis.listings.report.Report;
import org.mutualis.listings.report.ReportOutcome;
import org.mutualis.listings.report.ReportReason;
import org.mutualis.listings.web.ListingView;
import org.mutualis.listings.web.ListingViews;
import org.mutualis.listings.web.TransitionView;
import org.mutualis.platform.security.Actor;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Administrators read the moderation queue and single moderation cases. */
@RestController
class ModerationController {

	private final ReviewQueue reviews;

	private final ListingViews views;

	ModerationController(ReviewQueue reviews, ListingViews views) {
		this.reviews = reviews;
		this.views = views;
	}

	@GetMapping("/api/listings/moderation/queue")
	Queue queue(Actor actor, @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(required = false) @Nullable @Min(1) Integer size) {
		ReviewQueue.Queue queue = this.reviews.queue(actor, page, size);
		return new Queue(queue.pendingReview().stream().map(this::item).toList(),
				queue.reported().stream().map(this::item).toList(), queue.page(), queue.size(),
				queue.pendingReviewTotal(), queue.reportedTotal());
	}

	@GetMapping("/api/listings/moderation/listings/{id}")
	QueueItem moderationCase(Actor actor, @PathVariable String id) {
		return item(this.reviews.caseOf(actor, id));
	}

	private QueueItem item(ReviewQueue.Case moderationCase) {
		return new QueueItem(this.views.toView(moderationCase.listing()),
				this.views.toViews(moderationCase.listing().history()),
				moderationCase.reports().stream().map(ReportSummary::of).toList());
	}

	record Queue(List<QueueItem> pendingReview, List<QueueItem> reported, int page, int size, long pendingReviewTotal,
			long reportedTotal) {
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
