package org.mutualis.booking.reservation;

import java.math.BigDecimal;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.mutualis.booking.listing.BookingMode;
import org.mutualis.booking.listing.BookingUnit;
import org.mutualis.booking.listing.Title;

/**
 * What a booking keeps of its listing and of both organisations as they were when it was requested: what events
 * carry to their consumers, and the price and notice agreed.
 *
 * @param listingId the listing
 * @param listingTitle its title
 * @param listingKind its kind
 * @param unit its booking unit
 * @param timeZone its time zone (IANA id)
 * @param mrc MRC of its location
 * @param ownerOrganisationId owning organisation
 * @param ownerOrganisationName its name
 * @param ownerLanguage its preferred language
 * @param ownerSector its sector, if known
 * @param borrowerOrganisationId borrowing organisation
 * @param borrowerOrganisationName its name
 * @param borrowerLanguage its preferred language
 * @param borrowerSector its sector, if known
 * @param mode instant or approval
 * @param costMode {@code FREE}, {@code RATE} or {@code TO_AGREE}
 * @param rate CAD per unit with {@code RATE}
 * @param marketValuePerUnit market value per unit, CAD, if known
 * @param cancellationNoticeHours hours before the start after which a confirmed booking can no longer be cancelled
 * @param bufferBeforeMinutes kept free before
 * @param bufferAfterMinutes kept free after
 */
public record BookingTerms(String listingId, Title listingTitle, String listingKind, BookingUnit unit, String timeZone,
		String mrc, String ownerOrganisationId, String ownerOrganisationName, String ownerLanguage,
		@Nullable String ownerSector, String borrowerOrganisationId, String borrowerOrganisationName,
		String borrowerLanguage, @Nullable String borrowerSector, BookingMode mode, String costMode,
		@Nullable BigDecimal rate, @Nullable BigDecimal marketValuePerUnit, int cancellationNoticeHours,
		int bufferBeforeMinutes, int bufferAfterMinutes) {

	/**
	 * The time a range occupies in the listing's occupancy: the range widened by the listing's buffers.
	 * @param time a range
	 * @return the wider range
	 */
	public TimeRange occupied(TimeRange time) {
		return time.widened(Duration.ofMinutes(this.bufferBeforeMinutes), Duration.ofMinutes(this.bufferAfterMinutes));
	}

	/**
	 * The side an organisation is on.
	 * @param organisationId an organisation
	 * @return its side, or {@code null} when it is neither
	 */
	public @Nullable Side sideOf(@Nullable String organisationId) {
		if (this.ownerOrganisationId.equals(organisationId)) {
			return Side.OWNER;
		}
		return this.borrowerOrganisationId.equals(organisationId) ? Side.BORROWER : null;
	}

}
