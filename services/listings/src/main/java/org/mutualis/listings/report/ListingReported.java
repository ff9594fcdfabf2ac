package org.mutualis.listings.report;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.mutualis.listings.listing.Bilingual;

/** A member, acting for their organisation, reported a listing to the administrators. */
public record ListingReported(String reportId, String listingId, Bilingual listingTitle, String ownerOrganisationId,
		String reporterOrganisationId, String reporterId, ReportReason reason, @Nullable String details,
		Instant reportedAt) implements ReportEvent {
}
