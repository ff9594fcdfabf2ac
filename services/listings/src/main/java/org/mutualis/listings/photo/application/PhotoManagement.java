package org.mutualis.listings.photo.application;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.mutualis.listings.config.ListingsProperties;
import org.mutualis.listings.listing.Listing;
import org.mutualis.listings.listing.ListingAccess;
import org.mutualis.listings.listing.ListingStatus;
import org.mutualis.listings.listing.Listings;
import org.mutualis.listings.listing.Photo;
import org.mutualis.listings.listing.application.ListingChanged;
import org.mutualis.listings.listing.application.ListingManagement;
import org.mutualis.listings.organisation.OrganisationStanding;
import org.mutualis.listings.organisation.Organisations;
import org.mutualis.listings.photo.PhotoInspection;
import org.mutualis.listings.photo.PhotoStore;
import org.mutualis.listings.photo.Thumbnails;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.security.Actor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Adds, orders, removes and serves the photos of listings, saved through the domain's {@link Listings}. A new
 * photo on a published listing sends it back to review (recording that event); the search index is told of every
 * saved change.
 */
@Service
public class PhotoManagement {

	private static final String DEMO_ACTOR = "demo-data";

	private final Listings listings;

	private final ListingManagement management;

	private final PhotoStore store;

	private final ListingsProperties properties;

	private final Clock clock;

	private final Organisations organisations;

	private final PhotoDecoding decoding;

	private final ApplicationEventPublisher publisher;

	PhotoManagement(Listings listings, ListingManagement management, PhotoStore store, ListingsProperties properties,
			Clock clock, Organisations organisations, PhotoDecoding decoding, ApplicationEventPublisher publisher) {
		this.publisher = publisher;
		this.organisations = organisations;
		this.decoding = decoding;
		this.listings = listings;
		this.management = management;
		this.store = store;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Adds a photo at the end of a listing's photos, after checking its content: only an approved organisation
	 * uploads; the declared size is capped before anything is decoded; decoding takes one of a few slots; what is
	 * stored is the decoded image encoded anew, without the upload's metadata.
	 * @param actor a manager of the owner
	 * @param listingId the listing
	 * @param bytes the upload
	 * @return the listing as stored
	 */
	public Listing add(Actor actor, String listingId, byte[] bytes) {
		Listing listing = load(listingId);
		ListingAccess.requireManager(actor, listing);
		listing.requireRoomForPhoto();
		if (this.organisations.standingOf(listing.ownerOrganisationId()) != OrganisationStanding.APPROVED) {
			throw Refusal.of(Refusal.Reason.UNPROCESSABLE, "organisation-not-approved");
		}
		long maxPixels = this.properties.photos().maxPixels();
		Encoded encoded = this.decoding.run(() -> switch (PhotoInspection.inspect(bytes, maxPixels)) {
			case PhotoInspection.Verdict.Accepted accepted -> encode(accepted);
			case PhotoInspection.Verdict.Rejected rejected -> throw Refusal.invalidField(rejected.problemType(), "file",
					maxPixels / 1_000_000);
		});
		return store(listing, encoded, actor.personId(), this.properties.reviewSubstantiveEdits());
	}

	/**
	 * Adds a photo already inspected, encoded anew like an upload; used by the demo data.
	 * @param listing the listing
	 * @param verdict the accepted inspection
	 * @return the listing as stored
	 */
	public Listing addInspected(Listing listing, PhotoInspection.Verdict.Accepted verdict) {
		// the service's own pictures: nothing for a moderator to review
		return store(listing, encode(verdict), DEMO_ACTOR, false);
	}

	private Encoded encode(PhotoInspection.Verdict.Accepted accepted) {
		return new Encoded(accepted.format().mediaType(), Thumbnails.reencoded(accepted.image(), accepted.format()),
				Thumbnails.of(accepted.image(), accepted.format(), this.properties.photos().thumbnailWidth()));
	}

	private Listing store(Listing listing, Encoded encoded, String actorId, boolean reviewChanges) {
		String photoId = UUID.randomUUID().toString();
		String original = this.store.store(encoded.original(), encoded.type(), listing.id() + "/" + photoId);
		String thumbnail = null;
		try {
			thumbnail = this.store.store(encoded.thumbnail(), encoded.type(), listing.id() + "/" + photoId + "/thumbnail");
			listing.addPhoto(new Photo(photoId, encoded.type(), encoded.original().length, sha256(encoded.original()),
					original, thumbnail, this.clock.instant()), actorId, this.clock.instant(), reviewChanges);
			save(listing);
			return listing;
		}
		catch (RuntimeException ex) {
			// the listing did not take the photo: its bytes must not linger
			this.store.delete(original);
			if (thumbnail != null) {
				this.store.delete(thumbnail);
			}
			throw ex;
		}
	}

	/**
	 * Removes a photo and its bytes.
	 * @param actor a manager of the owner
	 * @param listingId the listing
	 * @param photoId the photo
	 * @return the listing as stored
	 */
	public Listing remove(Actor actor, String listingId, String photoId) {
		Listing listing = load(listingId);
		ListingAccess.requireManager(actor, listing);
		Photo removed = listing.removePhoto(photoId, this.clock.instant());
		save(listing);
		this.store.delete(removed.originalFileId());
		if (!removed.thumbnailFileId().equals(removed.originalFileId())) {
			this.store.delete(removed.thumbnailFileId());
		}
		return listing;
	}

	/**
	 * Puts the photos in a new order.
	 * @param actor a manager of the owner
	 * @param listingId the listing
	 * @param photoIds every photo id in the wanted order
	 * @return the listing as stored
	 */
	public Listing reorder(Actor actor, String listingId, List<String> photoIds) {
		Listing listing = load(listingId);
		ListingAccess.requireManager(actor, listing);
		listing.reorderPhotos(photoIds, this.clock.instant());
		save(listing);
		return listing;
	}

	/**
	 * Reads a photo of a listing the caller may see.
	 * @param actor the caller, {@code null} when anonymous
	 * @param listingId the listing
	 * @param photoId the photo
	 * @param thumbnail whether the thumbnail is wanted
	 * @return the photo and its bytes
	 */
	public Served read(@Nullable Actor actor, String listingId, String photoId, boolean thumbnail) {
		Listing listing = this.management.read(actor, listingId);
		Photo photo = listing.photo(photoId);
		String fileId = thumbnail ? photo.thumbnailFileId() : photo.originalFileId();
		String etag = thumbnail ? photo.etag() + "-t" : photo.etag();
		return new Served(photo.contentType(), etag, listing.status() == ListingStatus.PUBLISHED,
				() -> this.store.read(fileId));
	}

	private void save(Listing listing) {
		this.listings.save(listing);
		// a new photo may send a published listing back to review: the search index follows
		this.publisher.publishEvent(new ListingChanged(listing));
	}

	private Listing load(String listingId) {
		return this.listings.find(listingId).orElseThrow(ListingAccess::notFound);
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 32);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A photo ready to serve; its bytes are read only when needed (not for a 304).
	 *
	 * @param contentType media type
	 * @param etag entity tag
	 * @param isPublic whether shared caches may keep it
	 * @param bytes reads the bytes
	 */
	public record Served(String contentType, String etag, boolean isPublic, java.util.function.Supplier<byte[]> bytes) {
	}

	/** What is stored of an accepted upload: the photo encoded anew and its thumbnail. */
	private record Encoded(String type, byte[] original, byte[] thumbnail) {
	}

}
