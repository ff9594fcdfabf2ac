package org.mutualis.notifications.directory.persistence;

import java.util.Optional;

import org.bson.Document;
import org.mutualis.notifications.directory.BookingDirectory;
import org.mutualis.notifications.directory.BookingParties;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Keeps each booking's parties in the {@value #COLLECTION} collection, one upserted document each. */
@Repository
class MongoBookingDirectory implements BookingDirectory {

	static final String COLLECTION = "bookings";

	private final MongoTemplate mongo;

	MongoBookingDirectory(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void record(BookingParties parties) {
		this.mongo.upsert(Query.query(Criteria.where("_id").is(parties.bookingId())),
				new Update().set("listingId", parties.listingId())
					.set("ownerOrganisationId", parties.ownerOrganisationId())
					.set("borrowerOrganisationId", parties.borrowerOrganisationId())
					.set("titleFr", parties.titleFr())
					.set("titleEn", parties.titleEn()),
				COLLECTION);
	}

	@Override
	public Optional<BookingParties> find(String bookingId) {
		Document document = this.mongo.findById(bookingId, Document.class, COLLECTION);
		if (document == null) {
			return Optional.empty();
		}
		return Optional.of(new BookingParties(bookingId, document.getString("listingId"),
				document.getString("ownerOrganisationId"), document.getString("borrowerOrganisationId"),
				document.getString("titleFr"), document.getString("titleEn")));
	}

}
