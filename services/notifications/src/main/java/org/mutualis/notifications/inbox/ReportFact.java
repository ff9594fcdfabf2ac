package org.mutualis.notifications.inbox;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A fact about a report on a listing, as notifications needs it.
 *
 * @param eventId the event's id
 * @param listingId the listing reported
 * @param ownerOrganisationId the organisation that owns it
 * @param listingTitle its title by language ({@code fr}, {@code en})
 * @param reason the report's reason code
 * @param text the reporter's words (reported) or the administrator's note (resolved), if any
 * @param occurredAt when it happened
 */
public record ReportFact(String eventId, String listingId, String ownerOrganisationId, Map<String, String> listingTitle,
		String reason, @Nullable String text, Instant occurredAt) {
}
