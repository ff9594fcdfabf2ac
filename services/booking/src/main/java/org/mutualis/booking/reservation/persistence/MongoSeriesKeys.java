package org.mutualis.booking.reservation.persistence;

import java.time.Clock;
import java.util.Date;

import org.bson.Document;
import org.mutualis.booking.reservation.SeriesKeys;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * The digests of series requested under an idempotency key, in the {@value #COLLECTION} collection,
 * {@code {_id: seriesId, digest, at}}: the insert is the atomic first-writer-wins, its unique {@code _id} refusing a
 * second.
 */
@Repository
class MongoSeriesKeys implements SeriesKeys {

	static final String COLLECTION = "series_keys";

	private final MongoTemplate mongo;

	private final Clock clock;

	MongoSeriesKeys(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	@Override
	public String remember(String seriesId, String digest) {
		try {
			this.mongo.insert(new Document("_id", seriesId).append("digest", digest)
				.append("at", Date.from(this.clock.instant())), COLLECTION);
			return digest;
		}
		catch (DuplicateKeyException ex) {
			Document kept = this.mongo.findById(seriesId, Document.class, COLLECTION);
			return (kept != null) ? kept.getString("digest") : digest;
		}
	}

}
