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
import org.mutualis.listings.listing.application.ListingManagement;
import org.mutualis.listings.photo.PhotoInspection;
import org.mutualis.listings.photo.PhotoStore;
import org.mutualis.listings.photo.Thumbnails;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.security.Actor;

import org.springframework.stereotype.Service;

/**
 * Adds, orders, removes and serves the photos of listings. Photos change no fact other services or the search
 * index know of, so they are saved through the domain's {@link Listings} and record no event.
 */
@Service
public class PhotoManagement {

	private final Listings listings;

	private final ListingManagement management;

	private final PhotoStore store;

	private final ListingsProperties properties;

	private final Clock clock;

	PhotoManagement(Listings listings, ListingManagement management, PhotoStore store, ListingsProperties properties,
			Clock clock) {
		this.listings = listings;
		this.management = management;
		this.store = store;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Adds a photo at the end of a listing's photos, after checking its content.
	 * @param actor a manager of the owner
	 * @param listingId the listing
	 * @param bytes the upload
	 * @return the listing as stored
	 */
	public Listing add(Actor actor, String listingId, byte[] bytes) {
		Listing listing = load(listingId);
		ListingAccess.requireManager(actor, listing);
		listing.requireRoomForPhoto();
		PhotoInspection.Verdict.Accepted accepted = switch (PhotoInspection.inspect(bytes)) {
			case PhotoInspection.Verdict.Accepted ok -> ok;
			case PhotoInspection.Verdict.Rejected rejected -> throw Refusal.invalidField(rejected.problemType(), "file");
		};
		return addInspected(listing, bytes, accepted);
	}

	/**
	 * Adds a photo already inspected; used by the demo data as well.
	 * @param listing the listing
	 * @param bytes the photo
	 * @param verdict the accepted inspection
	 * @return the listing as stored
	 */
	public Listing addInspected(Listing listing, byte[] bytes, PhotoInspection.Verdict.Accepted verdict) {
		String photoId = UUID.randomUUID().toString();
		String type = verdict.format().mediaType();
		String original = this.store.store(bytes, type, listing.id() + "/" + photoId);
		String thumbnail = original;
		try {
			if (verdict.image() != null) {
				thumbnail = this.store.store(
						Thumbnails.of(verdict.image(), verdict.format(), this.properties.photos().thumbnailWidth()), type,
						listing.id() + "/" + photoId + "/thumbnail");
			}
			listing.addPhoto(new Photo(photoId, type, bytes.length, sha256(bytes), original, thumbnail,
					this.clock.instant()), this.clock.instant());
			this.listings.save(listing);
			return listing;
		}
		catch (RuntimeException ex) {
			// the listing did not take the photo: its bytes must not linger
			this.store.delete(original);
			if (!thumbnail.equals(original)) {
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
		this.listings.save(listing);
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
		this.listings.save(listing);
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

}
