package org.mutualis.listings.listing.application;

import java.time.Clock;

import org.jspecify.annotations.Nullable;
import org.mutualis.listings.listing.Listing;
import org.mutualis.listings.listing.ListingAccess;
import org.mutualis.listings.organisation.Organisations;
import org.mutualis.platform.security.Actor;

import org.springframework.stereotype.Service;

/**
 * The moderation part of a listing's lifecycle: administrators publish, reject, suspend and reinstate listings.
 * Publishing, rejecting and suspending name the version the administrator reviewed, so that an owner's change
 * made between the review and the decision makes the decision stale instead of slipping through.
 */
@Service
public class ListingModeration {

	private final SavedListings saved;

	private final Organisations organisations;

	private final Clock clock;

	ListingModeration(SavedListings saved, Organisations organisations, Clock clock) {
		this.saved = saved;
		this.organisations = organisations;
		this.clock = clock;
	}

	/**
	 * Publishes a listing waiting for review.
	 * @param admin an administrator
	 * @param id listing id
	 * @param expectedVersion the version the administrator reviewed: a listing changed since is not published
	 * @return the stored listing
	 */
	public Listing publish(Actor admin, String id, long expectedVersion) {
		Listing listing = loadForAdmin(admin, id, expectedVersion);
		listing.publish(admin.personId(), this.organisations.standingOf(listing.ownerOrganisationId()),
				this.clock.instant());
		return this.saved.save(listing);
	}

	/**
	 * Sends a listing back to its owner.
	 * @param admin an administrator
	 * @param id listing id
	 * @param reason why
	 * @param expectedVersion the version the administrator reviewed
	 * @return the stored listing
	 */
	public Listing reject(Actor admin, String id, String reason, long expectedVersion) {
		Listing listing = loadForAdmin(admin, id, expectedVersion);
		listing.reject(admin.personId(), reason, this.clock.instant());
		return this.saved.save(listing);
	}

	/**
	 * Takes a published listing down.
	 * @param admin an administrator
	 * @param id listing id
	 * @param reason why
	 * @param expectedVersion the version the administrator reviewed
	 * @return the stored listing
	 */
	public Listing suspend(Actor admin, String id, String reason, long expectedVersion) {
		Listing listing = loadForAdmin(admin, id, expectedVersion);
		listing.suspend(admin.personId(), reason, this.clock.instant());
		return this.saved.save(listing);
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
		return this.saved.save(listing);
	}

	private Listing loadForAdmin(Actor admin, String id, @Nullable Long expectedVersion) {
		ListingAccess.requireAdmin(admin);
		Listing listing = this.saved.load(id);
		SavedListings.requireVersion(listing, expectedVersion);
		return listing;
	}

}
