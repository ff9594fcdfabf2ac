package org.mutualis.listings.listing.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.mutualis.listings.listing.Listing;
import org.mutualis.listings.listing.ListingState;
import org.mutualis.listings.listing.ListingStatus;
import org.mutualis.listings.listing.Listings;
import org.mutualis.platform.events.Topics;
import org.mutualis.platform.persistence.AggregateStore;
import org.mutualis.platform.persistence.Stored;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Keeps listings in the {@code listings} collection through the platform's {@link AggregateStore}: state, version
 * and outbox events in one conditional single-document write.
 */
@Repository
class MongoListings implements Listings {

	static final String COLLECTION = "listings";

	private final AggregateStore store;

	private final MongoTemplate mongo;

	MongoListings(AggregateStore store, MongoTemplate mongo) {
		this.store = store;
		this.mongo = mongo;
	}

	@Override
	public Optional<Listing> find(String id) {
		return this.store.find(COLLECTION, id, ListingState.class).map(MongoListings::restore);
	}

	@Override
	public void save(Listing listing) {
		this.store.save(COLLECTION, listing, listing.state(), Topics.LISTINGS, ListingEventTypes::typeOf);
	}

	@Override
	public List<Listing> findAll(Collection<String> ids) {
		return query(Query.query(Criteria.where("_id").in(ids)));
	}

	@Override
	public List<Listing> ownedBy(String organisationId) {
		return query(Query.query(Criteria.where("ownerOrganisationId").is(organisationId))
			.with(Sort.by(Sort.Direction.DESC, "createdAt")));
	}

	@Override
	public List<Listing> ownedBy(String organisationId, int page, int size) {
		if (beyondAnyPage(page, size)) {
			return List.of();
		}
		return query(Query.query(Criteria.where("ownerOrganisationId").is(organisationId))
			.with(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id")))
			.skip((long) page * size)
			.limit(size));
	}

	@Override
	public long countOwnedBy(String organisationId, @Nullable ListingStatus status) {
		Criteria criteria = Criteria.where("ownerOrganisationId").is(organisationId);
		if (status != null) {
			criteria = criteria.and("status").is(status.name());
		}
		return this.mongo.count(Query.query(criteria), COLLECTION);
	}

	@Override
	public List<Listing> inStatus(ListingStatus status, int page, int size) {
		if (beyondAnyPage(page, size)) {
			return List.of();
		}
		return query(Query.query(Criteria.where("status").is(status.name()))
			.with(Sort.by("updatedAt").and(Sort.by("_id")))
			.skip((long) page * size)
			.limit(size));
	}

	@Override
	public long countInStatus(ListingStatus status) {
		return this.mongo.count(Query.query(Criteria.where("status").is(status.name())), COLLECTION);
	}

	@Override
	public void forEach(Consumer<Listing> visitor) {
		this.store.forEach(COLLECTION, new Query(), ListingState.class, (stored) -> visitor.accept(restore(stored)));
	}

	private List<Listing> query(Query query) {
		return this.store.find(COLLECTION, query, ListingState.class).stream().map(MongoListings::restore).toList();
	}

	private static Listing restore(Stored<ListingState> stored) {
		return Listing.restore(stored.document(), stored.version());
	}

	/**
	 * Whether a page starts past any collection's end: the driver takes the number of documents to skip as an
	 * {@code int}, and a larger skip wrapped round to page 0's documents.
	 */
	private static boolean beyondAnyPage(int page, int size) {
		return (long) page * size > Integer.MAX_VALUE;
	}

}
