package org.mutualis.notifications.messaging;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Notifications' copy of the report events ({@code mutualis.listing.reported.v1},
 * {@code mutualis.listing.report-resolved.v1}).
 *
 * @param reportId the report
 * @param listingId the listing reported
 * @param listingTitle its title by language when reported
 * @param ownerOrganisationId the listing's owner
 * @param reporterOrganisationId the reporting organisation
 * @param reason the reason code
 * @param details the reporter's words ({@code reported})
 * @param outcome {@code DISMISSED} or {@code ACTION_TAKEN} ({@code report-resolved})
 * @param note the administrator's note ({@code report-resolved})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ReportFacts(@Nullable String reportId, @Nullable String listingId,
		@Nullable Map<String, @Nullable String> listingTitle, @Nullable String ownerOrganisationId,
		@Nullable String reporterOrganisationId, @Nullable String reason, @Nullable String details,
		@Nullable String outcome, @Nullable String note) {
}
