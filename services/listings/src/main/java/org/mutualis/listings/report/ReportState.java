package org.mutualis.listings.report;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.mutualis.listings.listing.Bilingual;

/**
 * The stored state of a {@link Report}.
 *
 * @param id report id
 * @param listingId the listing reported
 * @param listingTitle its title when reported (absent in reports stored before it was kept)
 * @param ownerOrganisationId its owner when reported (absent in reports stored before it was kept)
 * @param reporterId person who reported
 * @param reporterOrganisationId organisation they act for
 * @param reason reason from the list
 * @param details free text
 * @param reportedAt when
 * @param resolution how it was closed; absent while open
 */
public record ReportState(String id, String listingId, @Nullable Bilingual listingTitle,
		@Nullable String ownerOrganisationId, String reporterId, @Nullable String reporterOrganisationId,
		ReportReason reason, @Nullable String details, Instant reportedAt, Report.@Nullable Resolution resolution) {
}
