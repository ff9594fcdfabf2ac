package org.mutualis.booking.ledger.persistence;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.mutualis.booking.ledger.Ledger;
import org.mutualis.booking.ledger.LedgerEntry;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Keeps the ledger in {@code ledger_entries}, one document per booking ({@code _id} = booking id, so a second
 * entry for a booking is impossible). Amounts are stored as exact decimal strings ({@code "75.00"}).
 */
@Repository
class MongoLedger implements Ledger {

	static final String COLLECTION = "ledger_entries";

	private final MongoTemplate mongo;

	MongoLedger(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public boolean record(LedgerEntry entry) {
		try {
			this.mongo.insert(new Document("_id", entry.bookingId()).append("debtorId", entry.debtorId())
				.append("debtorName", entry.debtorName())
				.append("creditorId", entry.creditorId())
				.append("creditorName", entry.creditorName())
				.append("amount", entry.amount().toPlainString())
				.append("currency", LedgerEntry.CURRENCY)
				.append("listingId", entry.listingId())
				.append("titleFr", entry.titleFr())
				.append("titleEn", entry.titleEn())
				.append("localStart", entry.localStart().toString())
				.append("timeZone", entry.timeZone())
				.append("month", entry.month().toString())
				.append("completedAt", Date.from(entry.completedAt())), COLLECTION);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	@Override
	public List<LedgerEntry> of(String organisationId, YearMonth month) {
		Criteria either = new Criteria().orOperator(Criteria.where("debtorId").is(organisationId),
				Criteria.where("creditorId").is(organisationId));
		Query query = new Query(new Criteria().andOperator(Criteria.where("month").is(month.toString()), either))
			.with(Sort.by("localStart", "_id"));
		return this.mongo.find(query, Document.class, COLLECTION).stream().map(MongoLedger::entry).toList();
	}

	private static LedgerEntry entry(Document document) {
		return new LedgerEntry(document.getString("_id"), document.getString("debtorId"), document.getString("debtorName"),
				document.getString("creditorId"), document.getString("creditorName"), new BigDecimal(document.getString("amount")),
				document.getString("listingId"), document.getString("titleFr"), document.getString("titleEn"),
				LocalDateTime.parse(document.getString("localStart")), document.getString("timeZone"),
				document.getDate("completedAt").toInstant());
	}

}
