package org.mutualis.listings.listing.application;

import java.time.Clock;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.mutualis.listings.category.Categories;
import org.mutualis.listings.config.ListingsProperties;
import org.mutualis.listings.listing.Listing;
import org.mutualis.listings.listing.ListingAccess;
import org.mutualis.listings.listing.ListingDetails;
import org.mutualis.listings.listing.ListingStatus;
import org.mutualis.listings.listing.Listings;
import org.mutualis.listings.organisation.Organisations;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.security.Actor;

import org.springframework.stereotype.Service;

/** What an organisation's managers do with their listings: create, edit, submit, archive; and what anyone reads. */
@Service
public class ListingManagement {

	private final Listings listings;

	private final SavedListings saved;

	private final Categories categories;

	private final Organisations organisations;

	private final ListingsProperties properties;

	private final Clock clock;

	ListingManagement(Listings listings, SavedListings saved, Categories categories, Organisations organisations,
			ListingsProperties properties, Clock clock) {
		this.listings = listings;
		this.saved = saved;
		this.categories = categories;
		this.organisations = organisations;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Creates a draft owned by the caller's organisation, which may keep a limited number of drafts at once
	 * ({@code 422 too-many-drafts}; checked before the write, so simultaneous creations may pass it by a few).
	 * @param actor a manager acting for an organisation
	 * @param details content
	 * @return the stored draft
	 */
	public Listing create(Actor actor, ListingDetails details) {
		String organisation = actor.organisationId();
		if (organisation == null || !actor.manages(organisation)) {
			throw Refusal.of(Refusal.Reason.FORBIDDEN, "forbidden");
		}
		requireCategory(details);
		int maxDrafts = this.properties.limits().maxDraftsPerOrganisation();
		if (this.listings.countOwnedBy(organisation, ListingStatus.DRAFT) >= maxDrafts) {
			throw Refusal.of(Refusal.Reason.UNPROCESSABLE, "too-many-drafts", maxDrafts);
		}
		return this.saved.save(Listing.draft(UUID.randomUUID().toString(), organisation, details, actor.personId(),
				this.clock.instant()));
	}

	/**
	 * Stores a new listing that the service prepared itself (the demo data), exactly as a created one.
	 * @param prepared a listing that was never stored
	 * @return the stored listing
	 */
	public Listing storeNew(Listing prepared) {
		if (!prepared.isNew()) {
			throw new IllegalArgumentException("listing " + prepared.id() + " is already stored");
		}
		return this.saved.save(prepared);
	}

	/**
	 * Replaces a listing's content.
	 * @param actor a manager of the owner
	 * @param id listing id
	 * @param expectedVersion the version the caller edited
	 * @param details new content
	 * @return the stored listing
	 */
	public Listing edit(Actor actor, String id, long expectedVersion, ListingDetails details) {
		Listing listing = this.saved.load(id);
		ListingAccess.requireManager(actor, listing);
		SavedListings.requireVersion(listing, expectedVersion);
		requireCategory(details);
		listing.edit(details, actor.personId(), this.clock.instant(), this.properties.reviewSubstantiveEdits());
		return this.saved.save(listing);
	}

	/**
	 * Sends a listing for review.
	 * @param actor a manager of the owner
	 * @param id listing id
	 * @param expectedVersion the version the caller saw, if given
	 * @return the stored listing
	 */
	public Listing submit(Actor actor, String id, @Nullable Long expectedVersion) {
		Listing listing = this.saved.load(id);
		ListingAccess.requireManager(actor, listing);
		SavedListings.requireVersion(listing, expectedVersion);
		listing.submit(actor.personId(), this.organisations.standingOf(listing.ownerOrganisationId()),
				this.clock.instant());
		return this.saved.save(listing);
	}

	/**
	 * Withdraws a listing for good.
	 * @param actor a manager of the owner
	 * @param id listing id
	 * @param expectedVersion the version the caller saw, if given
	 * @return the stored listing
	 */
	public Listing archive(Actor actor, String id, @Nullable Long expectedVersion) {
		Listing listing = this.saved.load(id);
		ListingAccess.requireManager(actor, listing);
		SavedListings.requireVersion(listing, expectedVersion);
		listing.archive(actor.personId(), this.clock.instant());
		return this.saved.save(listing);
	}

	/**
	 * Reads a listing the caller may see: a published listing of a suspended or rejected organisation only its
	 * people and administrators see.
	 * @param actor the caller, {@code null} when anonymous
	 * @param id listing id
	 * @return the listing
	 */
	public Listing read(@Nullable Actor actor, String id) {
		Listing listing = this.saved.load(id);
		ListingAccess.requireVisible(actor, listing, this.organisations.inGoodStanding(listing.ownerOrganisationId()));
		return listing;
	}

	/**
	 * Reads a listing whose audit trail the caller may see.
	 * @param actor owner's manager or administrator
	 * @param id listing id
	 * @return the listing
	 */
	public Listing readHistory(Actor actor, String id) {
		Listing listing = this.saved.load(id);
		ListingAccess.requireHistoryReader(actor, listing);
		return listing;
	}

	/**
	 * Lists one page of an organisation's listings in every state.
	 * @param actor someone acting for the organisation, or an administrator
	 * @param organisationId the organisation
	 * @param page page number, from 0
	 * @param size page size asked for; capped
	 * @return the page, newest first, with the total
	 */
	public ListingPage ownedBy(Actor actor, String organisationId, int page, @Nullable Integer size) {
		if (!actor.isAdmin() && !actor.actsFor(organisationId)) {
			throw Refusal.of(Refusal.Reason.FORBIDDEN, "forbidden");
		}
		int pageSize = this.properties.limits().pageSize(size);
		return new ListingPage(this.listings.ownedBy(organisationId, page, pageSize), page, pageSize,
				this.listings.countOwnedBy(organisationId, null));
	}

	private void requireCategory(ListingDetails details) {
		if (this.categories.find(details.categoryCode()).isEmpty()) {
			throw Refusal.invalidField("unknown-category", "categoryCode");
		}
	}

}
