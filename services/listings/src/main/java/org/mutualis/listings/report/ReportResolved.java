package org.mutualis.listings.report;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.mutualis.listings.listing.Bilingual;

/** An administrator closed a report about a listing. */
public record ReportResolved(String reportId, String listingId, @Nullable Bilingual listingTitle,
		@Nullable String ownerOrganisationId, @Nullable String reporterOrganisationId, String reporterId,
		ReportReason reason, ReportOutcome outcome, @Nullable String note, String resolvedBy,
		Instant resolvedAt) implements ReportEvent {
}
