package org.mutualis.listings.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.mutualis.listings.listing.Availability;
import org.mutualis.listings.listing.Bilingual;
import org.mutualis.listings.listing.BookingPolicy;
import org.mutualis.listings.listing.BookingUnit;
import org.mutualis.listings.listing.Contact;
import org.mutualis.listings.listing.CostRecovery;
import org.mutualis.listings.listing.ListingKind;
import org.mutualis.listings.listing.ListingStatus;
import org.mutualis.listings.listing.Location;
import org.mutualis.listings.listing.Traits;

/** A listing as the API shows it; the contact person only to signed-in callers. */
public record ListingView(String id, String ownerOrganisationId, ListingStatus status, long version, ListingKind kind,
		Bilingual title, Bilingual description, String categoryCode, List<String> tags, Location location,
		String timeZone, int bookableAtOnce, BookingUnit unit, CostRecovery costRecovery,
		@Nullable BigDecimal marketValuePerUnit, Traits traits, Availability availability,
		BookingPolicy bookingPolicy, List<Bilingual> prerequisites, @Nullable Contact contact, List<PhotoView> photos,
		Instant createdAt, Instant updatedAt, @Nullable Instant publishedAt) {

	/** @return the same view without what identifies a person */
	public ListingView withoutContact() {
		return new ListingView(this.id, this.ownerOrganisationId, this.status, this.version, this.kind, this.title,
				this.description, this.categoryCode, this.tags, this.location, this.timeZone, this.bookableAtOnce,
				this.unit, this.costRecovery, this.marketValuePerUnit, this.traits, this.availability,
				this.bookingPolicy, this.prerequisites, null, this.photos, this.createdAt, this.updatedAt,
				this.publishedAt);
	}

	/**
	 * A photo of the listing.
	 *
	 * @param id photo id
	 * @param contentType media type of the original
	 * @param url the original
	 * @param thumbnailUrl the thumbnail
	 */
	public record PhotoView(String id, String contentType, String url, String thumbnailUrl) {
	}

}
