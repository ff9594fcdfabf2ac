package org.mutualis.booking.impact.persistence;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.bson.Document;
import org.mutualis.booking.impact.ResourceKind;
import org.mutualis.booking.impact.UsageFact;
import org.mutualis.booking.impact.UsageFacts;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Keeps the impact facts in {@code impact_facts}, one document per completed booking ({@code _id} = booking id);
 * amounts and hours are exact decimal strings.
 */
@Repository
class MongoUsageFacts implements UsageFacts {

	static final String COLLECTION = "impact_facts";

	private final MongoTemplate mongo;

	MongoUsageFacts(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public boolean record(UsageFact fact) {
		try {
			this.mongo.insert(new Document("_id", fact.bookingId()).append("borrowerId", fact.borrowerId())
				.append("kind", fact.kind().name())
				.append("month", fact.month().toString())
				.append("mrc", fact.mrc())
				.append("borrowerSector", fact.borrowerSector())
				.append("hours", fact.hours().toPlainString())
				.append("equipmentDays", fact.equipmentDays())
				.append("amountPaid", fact.amountPaid().toPlainString())
				.append("marketValue", (fact.marketValue() != null) ? fact.marketValue().toPlainString() : null), COLLECTION);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	@Override
	public List<UsageFact> between(YearMonth from, YearMonth to) {
		// yyyy-MM strings sort as the months they name
		Query query = Query.query(Criteria.where("month").gte(from.toString()).lte(to.toString()));
		return this.mongo.find(query, Document.class, COLLECTION).stream().map(MongoUsageFacts::fact).toList();
	}

	private static UsageFact fact(Document document) {
		String marketValue = document.getString("marketValue");
		return new UsageFact(document.getString("_id"), document.getString("borrowerId"),
				ResourceKind.valueOf(document.getString("kind")), YearMonth.parse(document.getString("month")),
				document.getString("mrc"), document.getString("borrowerSector"), new BigDecimal(document.getString("hours")),
				((Number) document.get("equipmentDays")).longValue(), new BigDecimal(document.getString("amountPaid")),
				(marketValue != null) ? new BigDecimal(marketValue) : null);
	}

}
