package org.mutualis.listings.listing;

import org.jspecify.annotations.Nullable;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.security.Actor;

/**
 * Who may see and change a listing: everyone sees published listings of an organisation in good standing; the
 * owner's people and administrators see the others (also the published listings of a suspended or rejected
 * organisation); only the owner's managers change content and lifecycle; only administrators moderate. A listing the
 * caller may not see is reported as not found, so its existence does not leak.
 */
public final class ListingAccess {

	private ListingAccess() {
	}

	/**
	 * Tells whether a caller may see a listing.
	 * @param actor the caller, {@code null} when anonymous
	 * @param listing the listing
	 * @return whether it is visible to the caller
	 */
	public static boolean canSee(@Nullable Actor actor, Listing listing) {
		return canSee(actor, listing, true);
	}

	/**
	 * Tells whether a caller may see a listing, knowing the standing of its owner.
	 * @param actor the caller, {@code null} when anonymous
	 * @param listing the listing
	 * @param ownerInGoodStanding whether the owner is neither suspended nor rejected
	 * @return whether it is visible to the caller
	 */
	public static boolean canSee(@Nullable Actor actor, Listing listing, boolean ownerInGoodStanding) {
		if (listing.status() == ListingStatus.PUBLISHED && ownerInGoodStanding) {
			return true;
		}
		return actor != null && (actor.isAdmin() || actor.actsFor(listing.ownerOrganisationId()));
	}

	/**
	 * Requires that a caller may see a listing.
	 * @param actor the caller
	 * @param listing the listing
	 * @throws Refusal {@code listing-not-found} otherwise
	 */
	public static void requireVisible(@Nullable Actor actor, Listing listing) {
		requireVisible(actor, listing, true);
	}

	/**
	 * Requires that a caller may see a listing, knowing the standing of its owner.
	 * @param actor the caller
	 * @param listing the listing
	 * @param ownerInGoodStanding whether the owner is neither suspended nor rejected
	 * @throws Refusal {@code listing-not-found} otherwise
	 */
	public static void requireVisible(@Nullable Actor actor, Listing listing, boolean ownerInGoodStanding) {
		if (!canSee(actor, listing, ownerInGoodStanding)) {
			throw notFound();
		}
	}

	/**
	 * Requires that a caller manages the owner of a listing.
	 * @param actor the caller
	 * @param listing the listing
	 * @throws Refusal {@code listing-not-found} when the caller may not even see it, {@code forbidden} otherwise
	 */
	public static void requireManager(Actor actor, Listing listing) {
		requireVisible(actor, listing);
		if (!actor.manages(listing.ownerOrganisationId())) {
			throw Refusal.of(Refusal.Reason.FORBIDDEN, "forbidden");
		}
	}

	/**
	 * Requires that a caller may read a listing's audit trail: the owner's managers and administrators.
	 * @param actor the caller
	 * @param listing the listing
	 */
	public static void requireHistoryReader(Actor actor, Listing listing) {
		requireVisible(actor, listing);
		if (!actor.isAdmin() && !actor.manages(listing.ownerOrganisationId())) {
			throw Refusal.of(Refusal.Reason.FORBIDDEN, "forbidden");
		}
	}

	/**
	 * Requires an administrator.
	 * @param actor the caller
	 */
	public static void requireAdmin(Actor actor) {
		if (!actor.isAdmin()) {
			throw Refusal.of(Refusal.Reason.FORBIDDEN, "forbidden");
		}
	}

	/** @return the refusal of a listing that does not exist or may not be known */
	public static Refusal notFound() {
		return Refusal.of(Refusal.Reason.NOT_FOUND, "listing-not-found");
	}

}
