package org.mutualis.notifications.inbox;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a booking event says, as far as telling people goes.
 *
 * @param eventId the event's id
 * @param fact what happened: {@code requested}, {@code confirmed}, {@code declined}, {@code expired},
 * {@code counter-proposed}, {@code cancelled}, {@code waitlist-offered}, {@code reminder-due}, {@code completed},
 * {@code no-show}
 * @param bookingId the booking
 * @param listingId the listing booked
 * @param listingTitle its title by language
 * @param ownerOrganisationId the organisation that owns the listing
 * @param ownerOrganisationName its name
 * @param borrowerOrganisationId the organisation that books
 * @param borrowerOrganisationName its name
 * @param requesterId the person who asked
 * @param ownerLanguage the owner organisation's language
 * @param borrowerLanguage the borrower organisation's language
 * @param localStart start in the listing's time zone (for a counter-proposal: the proposed start)
 * @param localEnd end in the listing's time zone (for a counter-proposal: the proposed end)
 * @param timeZone the listing's time zone
 * @param cancelledBy {@code OWNER} or {@code BORROWER} for a cancellation
 * @param text a reason or message written by a person, if any
 * @param occurredAt when it happened
 */
public record BookingFact(String eventId, String fact, String bookingId, String listingId,
		Map<String, String> listingTitle, String ownerOrganisationId, String ownerOrganisationName,
		String borrowerOrganisationId, String borrowerOrganisationName, String requesterId,
		@Nullable String ownerLanguage, @Nullable String borrowerLanguage, LocalDateTime localStart,
		LocalDateTime localEnd, ZoneId timeZone, @Nullable String cancelledBy, @Nullable String text,
		Instant occurredAt) {
}
