package org.mutualis.listings.listing.persistence;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.mutualis.listings.listing.Listing;
import org.mutualis.listings.listing.ListingEvent;
import org.mutualis.listings.listing.ListingSnapshot;
import org.mutualis.listings.listing.ListingStatus;
import org.mutualis.listings.listing.Listings;
import org.mutualis.platform.events.EventRecorder;
import org.mutualis.platform.events.OutboxMessage;
import org.mutualis.platform.events.OutboxRelay;
import org.mutualis.platform.events.Topics;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Stores listings in MongoDB. A save is one conditional single-document write that changes the state, bumps the
 * version and appends the recorded events to the document's outbox: a stale version writes nothing, and no
 * event exists without its state change.
 */
@Repository
class MongoListings implements Listings {

	static final String COLLECTION = "listings";

	private static final String VERSION = "version";

	private final MongoTemplate mongo;

	private final ListingDocumentMapper mapper;

	private final EventRecorder recorder;

	MongoListings(MongoTemplate mongo, ListingDocumentMapper mapper, EventRecorder recorder) {
		this.mongo = mongo;
		this.mapper = mapper;
		this.recorder = recorder;
	}

	@Override
	public Optional<Listing> find(String id) {
		return Optional.ofNullable(this.mongo.findById(id, ListingDocument.class)).map(this::toListing);
	}

	@Override
	public Listing save(Listing listing) {
		List<Document> outbox = new ArrayList<>();
		for (ListingEvent event : listing.drainEvents()) {
			outbox.add(outboxEntry(this.recorder.record(Topics.LISTINGS, ListingEventTypes.typeOf(event),
					listing.id(), event)));
		}
		ListingSnapshot snapshot = listing.snapshot();
		Document state = new Document();
		this.mongo.getConverter().write(this.mapper.toDocument(snapshot), state);
		Long version = snapshot.version();
		long next = (version == null) ? 0 : version + 1;
		if (version == null) {
			state.put(VERSION, next);
			state.put(OutboxRelay.OUTBOX_FIELD, outbox);
			this.mongo.insert(state, COLLECTION);
		}
		else {
			Update update = new Update();
			state.forEach((key, value) -> {
				if (!key.equals("_id") && !key.equals(VERSION)) {
					update.set(key, value);
				}
			});
			update.set(VERSION, next);
			if (!outbox.isEmpty()) {
				update.push(OutboxRelay.OUTBOX_FIELD).each(outbox.toArray());
			}
			UpdateResult result = this.mongo.updateFirst(
					Query.query(Criteria.where("_id").is(listing.id()).and(VERSION).is(version)), update, COLLECTION);
			if (result.getMatchedCount() == 0) {
				throw new OptimisticLockingFailureException("listing " + listing.id() + " changed since version " + version);
			}
		}
		return Listing.restore(new ListingSnapshot(snapshot.id(), snapshot.ownerOrganisationId(), snapshot.details(),
				snapshot.status(), snapshot.photos(), snapshot.history(), snapshot.createdAt(), snapshot.updatedAt(),
				snapshot.publishedAt(), next));
	}

	@Override
	public List<Listing> findAll(java.util.Collection<String> ids) {
		return this.mongo.find(Query.query(Criteria.where("_id").in(ids)), ListingDocument.class)
			.stream()
			.map(this::toListing)
			.toList();
	}

	@Override
	public List<Listing> ownedBy(String organisationId) {
		return this.mongo
			.find(Query.query(Criteria.where("ownerOrganisationId").is(organisationId))
				.with(Sort.by(Sort.Direction.DESC, "createdAt")), ListingDocument.class)
			.stream()
			.map(this::toListing)
			.toList();
	}

	@Override
	public List<Listing> inStatus(ListingStatus status) {
		return this.mongo
			.find(Query.query(Criteria.where("status").is(status.name())).with(Sort.by("updatedAt")),
					ListingDocument.class)
			.stream()
			.map(this::toListing)
			.toList();
	}

	@Override
	public void forEach(Consumer<Listing> visitor) {
		try (var stream = this.mongo.stream(new Query(), ListingDocument.class)) {
			stream.map(this::toListing).forEach(visitor);
		}
	}

	private Listing toListing(ListingDocument document) {
		return Listing.restore(this.mapper.toSnapshot(document));
	}

	private static Document outboxEntry(OutboxMessage message) {
		return new Document("id", message.id()).append("topic", message.topic())
			.append("type", message.type())
			.append("subject", message.subject())
			.append("time", Date.from(message.time()))
			.append("payload", message.payload());
	}

}
