package org.mutualis.listings.report.web;

import java.net.URI;
import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.mutualis.listings.report.Report;
import org.mutualis.listings.report.ReportOutcome;
import org.mutualis.listings.report.ReportReason;
import org.mutualis.listings.report.application.ReportHandling;
import org.mutualis.platform.security.Actor;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Members report listings; administrators resolve reports. */
@RestController
class ReportController {

	private final ReportHandling reports;

	ReportController(ReportHandling reports) {
		this.reports = reports;
	}

	@PostMapping("/api/listings/{id}/reports")
	ResponseEntity<ReportView> report(Actor actor, @PathVariable String id, @Valid @RequestBody ReportRequest request) {
		Report report = this.reports.report(actor, id, request.reason(), request.details());
		return ResponseEntity.created(URI.create("/api/listings/moderation/reports/" + report.id()))
			.body(ReportView.of(report));
	}

	@PostMapping("/api/listings/moderation/reports/{reportId}/resolve")
	ReportView resolve(Actor actor, @PathVariable String reportId, @Valid @RequestBody ResolutionRequest request) {
		return ReportView.of(this.reports.resolve(actor, reportId, request.outcome(), request.note()));
	}

	record ReportRequest(@NotNull ReportReason reason, @Nullable @Size(max = 2000) String details) {
	}

	record ResolutionRequest(@NotNull ReportOutcome outcome, @Nullable @Size(max = 2000) String note) {
	}

	/** A report as administrators and reporters see it. */
	record ReportView(String id, String listingId, ReportReason reason, @Nullable String details, Instant reportedAt,
			boolean open, @Nullable ReportOutcome outcome, @Nullable String resolutionNote,
			@Nullable Instant resolvedAt) {

		static ReportView of(Report report) {
			Report.Resolution resolution = report.resolution();
			return new ReportView(report.id(), report.listingId(), report.reason(), report.details(),
					report.reportedAt(), report.isOpen(), (resolution != null) ? resolution.outcome() : null,
					(resolution != null) ? resolution.note() : null,
					(resolution != null) ? resolution.resolvedAt() : null);
		}

	}

}
