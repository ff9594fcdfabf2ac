package org.mutualis.listings.listing.persistence;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.mutualis.listings.listing.ListingDetails;
import org.mutualis.listings.listing.ListingStatus;
import org.mutualis.listings.listing.Photo;
import org.mutualis.listings.listing.Transition;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A listing as stored in the {@code listings} collection; beside it, the {@code outbox} array holds its
 * unpublished events (written by {@link MongoListings}, read by the platform's outbox relay).
 */
@Document(MongoListings.COLLECTION)
class ListingDocument {

	@Id
	public String id;

	@Indexed
	public String ownerOrganisationId;

	public ListingDetails details;

	@Indexed
	public ListingStatus status;

	public List<Photo> photos;

	public List<Transition> history;

	public Instant createdAt;

	public Instant updatedAt;

	public @Nullable Instant publishedAt;

	@Version
	public @Nullable Long version;

}
