package org.mutualis.listings.report;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.mutualis.platform.problem.Refusal;

/**
 * A member's report about a listing, open until an administrator resolves it.
 *
 * @param id report id
 * @param listingId the listing reported
 * @param reporterId person who reported
 * @param reporterOrganisationId organisation they act for
 * @param reason reason from the list
 * @param details free text
 * @param reportedAt when
 * @param resolution how it was closed; absent while open
 */
public record Report(String id, String listingId, String reporterId, @Nullable String reporterOrganisationId,
		ReportReason reason, @Nullable String details, Instant reportedAt, @Nullable Resolution resolution) {

	/** @return whether no administrator has resolved it yet */
	public boolean isOpen() {
		return this.resolution == null;
	}

	/**
	 * Closes the report. Only an open report can be resolved.
	 * @param adminId the administrator
	 * @param outcome what came of it
	 * @param note the administrator's note
	 * @param now the current time
	 * @return the resolved report
	 */
	public Report resolve(String adminId, ReportOutcome outcome, @Nullable String note, Instant now) {
		if (!isOpen()) {
			throw Refusal.of(Refusal.Reason.CONFLICT, "report-already-resolved");
		}
		return new Report(this.id, this.listingId, this.reporterId, this.reporterOrganisationId, this.reason,
				this.details, this.reportedAt, new Resolution(adminId, outcome, note, now));
	}

	/**
	 * How a report was closed.
	 *
	 * @param adminId administrator
	 * @param outcome outcome
	 * @param note note
	 * @param resolvedAt when
	 */
	public record Resolution(String adminId, ReportOutcome outcome, @Nullable String note, Instant resolvedAt) {
	}

}
