package org.mutualis.listings.listing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.mutualis.listings.organisation.OrganisationStanding;
import org.mutualis.platform.aggregate.AggregateRoot;
import org.mutualis.platform.problem.Refusal;

/**
 * A resource an organisation offers, its content and its moderation lifecycle. Every transition checks its
 * precondition, changes the state, writes a line in the audit trail and records the event it causes.
 */
public final class Listing extends AggregateRoot<ListingEvent> {

	/** Most photos a listing may have. */
	public static final int MAX_PHOTOS = 8;

	private final String id;

	private final String ownerOrganisationId;

	private ListingDetails details;

	private ListingStatus status;

	private final List<Photo> photos;

	private final List<Transition> history;

	private final Instant createdAt;

	private Instant updatedAt;

	private @Nullable Instant publishedAt;

	private Listing(ListingState state, long version) {
		super(version);
		this.id = state.id();
		this.ownerOrganisationId = state.ownerOrganisationId();
		this.details = state.details();
		this.status = state.status();
		this.photos = new ArrayList<>(state.photos());
		this.history = new ArrayList<>(state.history());
		this.createdAt = state.createdAt();
		this.updatedAt = state.updatedAt();
		this.publishedAt = state.publishedAt();
	}

	/**
	 * Starts a draft. The content must pass {@link ListingContentPolicy}.
	 * @param id new listing id
	 * @param ownerOrganisationId owning organisation
	 * @param details content
	 * @param actorId the manager creating it
	 * @param now the current time
	 * @return the draft
	 */
	public static Listing draft(String id, String ownerOrganisationId, ListingDetails details, String actorId,
			Instant now) {
		ListingContentPolicy.check(details);
		Listing listing = new Listing(new ListingState(id, ownerOrganisationId, details, ListingStatus.DRAFT,
				List.of(), List.of(), now, now, null), NEW);
		listing.history.add(new Transition(now, actorId, null, ListingStatus.DRAFT, null));
		return listing;
	}

	/**
	 * Rebuilds a stored listing.
	 * @param state stored state
	 * @param version the version it is stored at
	 * @return the listing
	 */
	public static Listing restore(ListingState state, long version) {
		return new Listing(state, version);
	}

	/**
	 * Replaces the content. Not allowed once archived. A published listing whose substantive content changes goes
	 * back to review when {@code reviewSubstantiveEdits} is set.
	 * @param newDetails the new content
	 * @param actorId the editing manager
	 * @param now the current time
	 * @param reviewSubstantiveEdits whether substantive edits of a published listing need a new review
	 */
	public void edit(ListingDetails newDetails, String actorId, Instant now, boolean reviewSubstantiveEdits) {
		requireNot(ListingStatus.ARCHIVED);
		ListingContentPolicy.check(newDetails);
		boolean substantive = newDetails.differsSubstantivelyFrom(this.details);
		this.details = newDetails;
		this.updatedAt = now;
		if (this.status == ListingStatus.PUBLISHED && substantive && reviewSubstantiveEdits) {
			move(ListingStatus.PENDING_REVIEW, actorId, now, "substantive-edit");
			record(new ListingSubmitted(this.id, this.ownerOrganisationId, newDetails.kind(),
					newDetails.title(), actorId, now));
		}
		record(new ListingUpdated(this.id, this.ownerOrganisationId, facts(), now));
	}

	/**
	 * Sends a draft or a rejected listing for review. The owner must be approved.
	 * @param actorId the submitting manager
	 * @param owner the owner's standing
	 * @param now the current time
	 */
	public void submit(String actorId, OrganisationStanding owner, Instant now) {
		requireIn(Set.of(ListingStatus.DRAFT, ListingStatus.REJECTED));
		requireApproved(owner);
		move(ListingStatus.PENDING_REVIEW, actorId, now, null);
		record(new ListingSubmitted(this.id, this.ownerOrganisationId, this.details.kind(),
				this.details.title(), actorId, now));
	}

	/**
	 * Publishes a listing waiting for review. The owner must still be approved.
	 * @param adminId the administrator
	 * @param owner the owner's standing
	 * @param now the current time
	 */
	public void publish(String adminId, OrganisationStanding owner, Instant now) {
		requireIn(Set.of(ListingStatus.PENDING_REVIEW));
		requireApproved(owner);
		move(ListingStatus.PUBLISHED, adminId, now, null);
		if (this.publishedAt == null) {
			this.publishedAt = now;
		}
		record(new ListingPublished(this.id, this.ownerOrganisationId, facts(), now));
	}

	/**
	 * Sends a listing waiting for review back to its owner.
	 * @param adminId the administrator
	 * @param reason why, shown to the owner; not blank
	 * @param now the current time
	 */
	public void reject(String adminId, String reason, Instant now) {
		requireIn(Set.of(ListingStatus.PENDING_REVIEW));
		move(ListingStatus.REJECTED, adminId, now, requireReason(reason));
		record(new ListingRejected(this.id, this.ownerOrganisationId, reason, now));
	}

	/**
	 * Takes a published listing down.
	 * @param adminId the administrator
	 * @param reason why; not blank
	 * @param now the current time
	 */
	public void suspend(String adminId, String reason, Instant now) {
		requireIn(Set.of(ListingStatus.PUBLISHED));
		move(ListingStatus.SUSPENDED, adminId, now, requireReason(reason));
		record(new ListingSuspended(this.id, this.ownerOrganisationId, reason, now));
	}

	/**
	 * Puts a suspended listing back online.
	 * @param adminId the administrator
	 * @param now the current time
	 */
	public void reinstate(String adminId, Instant now) {
		requireIn(Set.of(ListingStatus.SUSPENDED));
		move(ListingStatus.PUBLISHED, adminId, now, null);
		record(new ListingReinstated(this.id, this.ownerOrganisationId, facts(), now));
	}

	/**
	 * Withdraws a listing for good; any state but archived.
	 * @param actorId the owner's manager
	 * @param now the current time
	 */
	public void archive(String actorId, Instant now) {
		requireNot(ListingStatus.ARCHIVED);
		move(ListingStatus.ARCHIVED, actorId, now, null);
		record(new ListingArchived(this.id, this.ownerOrganisationId, now));
	}

	/**
	 * Adds a photo at the end; at most {@link #MAX_PHOTOS}. A new photo on a published listing is new content
	 * nobody reviewed: the listing goes back to review when {@code reviewChanges} is set.
	 * @param photo the stored photo
	 * @param actorId who added it
	 * @param now the current time
	 * @param reviewChanges whether changes to a published listing need a new review
	 */
	public void addPhoto(Photo photo, String actorId, Instant now, boolean reviewChanges) {
		requireRoomForPhoto();
		this.photos.add(photo);
		this.updatedAt = now;
		if (this.status == ListingStatus.PUBLISHED && reviewChanges) {
			move(ListingStatus.PENDING_REVIEW, actorId, now, "new-photo");
			record(new ListingSubmitted(this.id, this.ownerOrganisationId, this.details.kind(), this.details.title(),
					actorId, now));
		}
	}

	/**
	 * Refuses a new photo unless the listing can still take one: not archived, fewer than {@link #MAX_PHOTOS}.
	 * Callers ask before storing a photo's bytes; {@link #addPhoto} asks again.
	 * @throws Refusal {@code invalid-transition} or {@code too-many-photos}
	 */
	public void requireRoomForPhoto() {
		requireNot(ListingStatus.ARCHIVED);
		if (this.photos.size() >= MAX_PHOTOS) {
			throw Refusal.of(Refusal.Reason.UNPROCESSABLE, "too-many-photos", MAX_PHOTOS);
		}
	}

	/**
	 * Removes a photo.
	 * @param photoId the photo
	 * @param now the current time
	 * @return the removed photo, whose stored bytes the caller deletes
	 */
	public Photo removePhoto(String photoId, Instant now) {
		Photo photo = photo(photoId);
		this.photos.remove(photo);
		this.updatedAt = now;
		return photo;
	}

	/**
	 * Puts the photos in a new order; the first becomes the cover.
	 * @param photoIds every photo id, each once
	 * @param now the current time
	 */
	public void reorderPhotos(List<String> photoIds, Instant now) {
		Map<String, Photo> byId = new LinkedHashMap<>();
		this.photos.forEach((photo) -> byId.put(photo.id(), photo));
		// each photo exactly once: a repeated id with the same count left others out, and their bytes were removed
		if (photoIds.size() != byId.size() || !new java.util.HashSet<>(photoIds).equals(byId.keySet())) {
			throw Refusal.invalidField("photo-order-mismatch", "photoIds");
		}
		this.photos.clear();
		photoIds.forEach((photoId) -> this.photos.add(byId.get(photoId)));
		this.updatedAt = now;
	}

	/**
	 * Finds a photo.
	 * @param photoId photo id
	 * @return the photo
	 * @throws Refusal {@code photo-not-found} when the listing has no such photo
	 */
	public Photo photo(String photoId) {
		return this.photos.stream()
			.filter((photo) -> photo.id().equals(photoId))
			.findFirst()
			.orElseThrow(() -> Refusal.of(Refusal.Reason.NOT_FOUND, "photo-not-found"));
	}

	/** @return the booking-relevant facts of the listing as it is now */
	public ListingFacts facts() {
		ListingDetails d = this.details;
		return new ListingFacts(d.kind(), d.title(), this.status, d.categoryCode(), d.location().municipality(),
				d.location().mrc(), d.bookableAtOnce(), d.traits().capacity(d.kind()), d.unit(), d.timeZone(),
				d.availability(), d.bookingPolicy(), d.costRecovery(), d.marketValuePerUnit(), d.prerequisites());
	}

	/** @return the whole state, as stored */
	public ListingState state() {
		return new ListingState(this.id, this.ownerOrganisationId, this.details, this.status, List.copyOf(this.photos),
				List.copyOf(this.history), this.createdAt, this.updatedAt, this.publishedAt);
	}

	/** @return listing id */
	@Override
	public String id() {
		return this.id;
	}

	/** @return owning organisation */
	public String ownerOrganisationId() {
		return this.ownerOrganisationId;
	}

	/** @return current state */
	public ListingStatus status() {
		return this.status;
	}

	/** @return the content */
	public ListingDetails details() {
		return this.details;
	}

	/** @return photos, cover first */
	public List<Photo> photos() {
		return List.copyOf(this.photos);
	}

	/** @return the audit trail */
	public List<Transition> history() {
		return List.copyOf(this.history);
	}

	/** @return first publication time, if any */
	public @Nullable Instant publishedAt() {
		return this.publishedAt;
	}

	private void move(ListingStatus to, String actorId, Instant now, @Nullable String reason) {
		this.history.add(new Transition(now, actorId, this.status, to, reason));
		this.status = to;
		this.updatedAt = now;
	}

	private void requireIn(Set<ListingStatus> allowed) {
		if (!allowed.contains(this.status)) {
			throw Refusal.of(Refusal.Reason.CONFLICT, "invalid-transition", this.status);
		}
	}

	private void requireNot(ListingStatus forbidden) {
		if (this.status == forbidden) {
			throw Refusal.of(Refusal.Reason.CONFLICT, "invalid-transition", this.status);
		}
	}

	private static void requireApproved(OrganisationStanding owner) {
		if (owner != OrganisationStanding.APPROVED) {
			throw Refusal.of(Refusal.Reason.UNPROCESSABLE, "organisation-not-approved");
		}
	}

	private static String requireReason(String reason) {
		if (reason == null || reason.isBlank()) {
			throw Refusal.invalidField("reason-required", "reason");
		}
		return Objects.requireNonNull(reason);
	}

}
