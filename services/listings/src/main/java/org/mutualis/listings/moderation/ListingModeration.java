package org.mutualis.listings.moderation;

import java.time.Clock;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.mutualis.listings.listing.Listing;
import org.mutualis.listings.listing.ListingAccess;
import org.mutualis.listings.listing.ListingStatus;
import org.mutualis.listings.listing.Listings;
import org.mutualis.listings.listing.application.ListingManagement;
import org.mutualis.listings.organisation.Organisations;
import org.mutualis.platform.security.Actor;

import org.springframework.stereotype.Service;

/** What administrators do to listings: publish, reject, suspend, reinstate, and read the review queue. */
@Service
public class ListingModeration {

	private final ListingManagement management;

	private final Listings listings;

	private final Organisations organisations;

	private final Clock clock;

	ListingModeration(ListingManagement management, Listings listings, Organisations organisations, Clock clock) {
		this.management = management;
		this.listings = listings;
		this.organisations = organisations;
		this.clock = clock;
	}

	/**
	 * Publishes a listing waiting for review.
	 * @param admin an administrator
	 * @param id listing id
	 * @param expectedVersion version the administrator reviewed, if given
	 * @return the stored listing
	 */
	public Listing publish(Actor admin, String id, @Nullable Long expectedVersion) {
		Listing listing = loadForAdmin(admin, id, expectedVersion);
		listing.publish(admin.personId(), this.organisations.standingOf(listing.ownerOrganisationId()),
				this.clock.instant());
		return this.management.save(listing);
	}

	/**
	 * Sends a listing back to its owner.
	 * @param admin an administrator
	 * @param id listing id
	 * @param reason why
	 * @param expectedVersion version reviewed, if given
	 * @return the stored listing
	 */
	public Listing reject(Actor admin, String id, String reason, @Nullable Long expectedVersion) {
		Listing listing = loadForAdmin(admin, id, expectedVersion);
		listing.reject(admin.personId(), reason, this.clock.instant());
		return this.management.save(listing);
	}

	/**
	 * Takes a published listing down.
	 * @param admin an administrator
	 * @param id listing id
	 * @param reason why
	 * @param expectedVersion version reviewed, if given
	 * @return the stored listing
	 */
	public Listing suspend(Actor admin, String id, String reason, @Nullable Long expectedVersion) {
		Listing listing = loadForAdmin(admin, id, expectedVersion);
		listing.suspend(admin.personId(), reason, this.clock.instant());
		return this.management.save(listing);
	}

	/**
	 * Puts a suspended listing back online.
	 * @param admin an administrator
	 * @param id listing id
	 * @param expectedVersion version reviewed, if given
	 * @return the stored listing
	 */
	public Listing reinstate(Actor admin, String id, @Nullable Long expectedVersion) {
		Listing listing = loadForAdmin(admin, id, expectedVersion);
		listing.reinstate(admin.personId(), this.clock.instant());
		return this.management.save(listing);
	}

	/**
	 * Lists the listings waiting for review, oldest first.
	 * @param admin an administrator
	 * @return the queue
	 */
	public List<Listing> reviewQueue(Actor admin) {
		ListingAccess.requireAdmin(admin);
		return this.listings.inStatus(ListingStatus.PENDING_REVIEW);
	}

	private Listing loadForAdmin(Actor admin, String id, @Nullable Long expectedVersion) {
		ListingAccess.requireAdmin(admin);
		Listing listing = this.management.load(id);
		ListingManagement.requireVersion(listing, expectedVersion);
		return listing;
	}

}
