package org.mutualis.notifications.inbox.messaging;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Notifications' copy of the data every booking event carries ({@code mutualis.booking.*.v1}), plus the fields of
 * the facts it tells: the cancelling side, the reason or message, and a counter-proposal's times.
 *
 * @param bookingId the booking
 * @param listingId the listing
 * @param listingTitle its title by language
 * @param ownerOrganisationId the owning organisation
 * @param ownerOrganisationName its name
 * @param borrowerOrganisationId the booking organisation
 * @param borrowerOrganisationName its name
 * @param requesterId the person who asked
 * @param timeZone the listing's time zone
 * @param localStart start in that zone
 * @param localEnd end in that zone
 * @param languages the two organisations' languages ({@code owner}, {@code borrower})
 * @param cancelledBy {@code OWNER} or {@code BORROWER} (cancelled)
 * @param reason a reason (declined, cancelled)
 * @param message a message (requested, counter-proposed)
 * @param proposedLocalStart the proposed start (counter-proposed)
 * @param proposedLocalEnd the proposed end (counter-proposed)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record BookingEventData(@Nullable String bookingId, @Nullable String listingId,
		@Nullable Map<String, String> listingTitle, @Nullable String ownerOrganisationId,
		@Nullable String ownerOrganisationName, @Nullable String borrowerOrganisationId,
		@Nullable String borrowerOrganisationName, @Nullable String requesterId, @Nullable String timeZone,
		@Nullable String localStart, @Nullable String localEnd, @Nullable Map<String, String> languages,
		@Nullable String cancelledBy, @Nullable String reason, @Nullable String message,
		@Nullable String proposedLocalStart, @Nullable String proposedLocalEnd) {
}
