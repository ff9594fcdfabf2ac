package org.mutualis.booking.listing.persistence;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.mutualis.booking.listing.Blackout;
import org.mutualis.booking.listing.BookableListing;
import org.mutualis.booking.listing.BookingMode;
import org.mutualis.booking.listing.BookingRules;
import org.mutualis.booking.listing.BookingUnit;
import org.mutualis.booking.listing.CostRecovery;
import org.mutualis.booking.listing.ListingDirectory;
import org.mutualis.booking.listing.ListingStatus;
import org.mutualis.booking.listing.Title;
import org.mutualis.booking.listing.WeeklyWindow;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Keeps the listing read model in the {@value #COLLECTION} collection, one document per listing. Each write is
 * conditioned on the stored event time, so an older event never overwrites a newer state.
 */
@Repository
class MongoListingDirectory implements ListingDirectory {

	static final String COLLECTION = "listings";

	/** Above this many parsed listings in memory, they are all forgotten (each is read again when next asked). */
	private static final int MAX_PARSED = 20_000;

	private static final Document VERSION_ONLY = new Document("eventsApplied", 1).append("changedAt", 1);

	private final MongoTemplate mongo;

	/** Parsed listings by id, each with the version of the document it was parsed from. */
	private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

	MongoListingDirectory(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Optional<BookableListing> find(String id) {
		Document document = this.mongo.findById(id, Document.class, COLLECTION);
		return Optional.ofNullable(document).filter((d) -> d.get("facts") != null).map(MongoListingDirectory::read);
	}

	/**
	 * Finds several listings: one query reads only each document's version ({@code eventsApplied} and
	 * {@code changedAt}); the documents whose version differs from the parsed copy kept in memory are read whole
	 * in a second query, parsed and kept. Every answer is therefore as current as the database, on every instance,
	 * whichever instance applied the event; the memory copy only spares reading and parsing unchanged facts.
	 */
	@Override
	public List<BookableListing> findAll(Collection<String> ids) {
		MongoCollection<Document> collection = this.mongo.getCollection(COLLECTION);
		List<BookableListing> found = new ArrayList<>(ids.size());
		List<String> changed = new ArrayList<>();
		for (Document version : collection.find(Filters.and(Filters.in("_id", ids), Filters.exists("facts")))
			.projection(VERSION_ONLY)) {
			String id = version.getString("_id");
			Parsed parsed = this.parsed.get(id);
			if (parsed != null && parsed.isVersion(version)) {
				found.add(parsed.listing());
			}
			else {
				changed.add(id);
			}
		}
		if (!changed.isEmpty()) {
			if (this.parsed.size() + changed.size() > MAX_PARSED) {
				this.parsed.clear();
			}
			for (Document document : collection.find(Filters.and(Filters.in("_id", changed), Filters.exists("facts")))) {
				BookableListing listing = read(document);
				found.add(listing);
				Object applied = document.get("eventsApplied");
				if (applied instanceof Number count) {
					this.parsed.put(listing.id(), new Parsed(count.longValue(), document.getDate("changedAt"), listing));
				}
			}
		}
		return found;
	}

	@Override
	public void record(BookableListing listing) {
		write(listing.id(), listing.ownerOrganisationId(), listing.status(), listing.changedAt(), facts(listing));
	}

	@Override
	public void recordStatus(String id, String ownerOrganisationId, ListingStatus status, Instant changedAt) {
		write(id, ownerOrganisationId, status, changedAt, null);
	}

	private void write(String id, String owner, ListingStatus status, Instant changedAt, @Nullable Document facts) {
		Update update = new Update().set("ownerOrganisationId", owner)
			.set("status", status.name())
			.set("changedAt", Date.from(changedAt))
			.inc("eventsApplied", 1);
		if (facts != null) {
			update.set("facts", facts);
		}
		Query notNewer = Query.query(Criteria.where("_id").is(id).and("changedAt").lte(Date.from(changedAt)));
		if (this.mongo.updateFirst(notNewer, update, COLLECTION).getMatchedCount() > 0) {
			return;
		}
		Document fresh = new Document("_id", id).append("ownerOrganisationId", owner)
			.append("status", status.name())
			.append("changedAt", Date.from(changedAt))
			.append("eventsApplied", 1);
		if (facts != null) {
			fresh.append("facts", facts);
		}
		try {
			this.mongo.insert(fresh, COLLECTION);
		}
		catch (DuplicateKeyException ex) {
			// a later event is stored already: this one is history
		}
	}

	private static Document facts(BookableListing listing) {
		List<Document> weekly = listing.weekly()
			.stream()
			.map((w) -> new Document("day", w.day().name()).append("from", w.from().toString()).append("to", w.to().toString()))
			.toList();
		List<Document> blackouts = listing.blackouts()
			.stream()
			.map((b) -> new Document("from", b.from().toString()).append("to", b.to().toString()).append("reason", b.reason()))
			.toList();
		BookingRules rules = listing.rules();
		Document policy = new Document("mode", rules.mode().name()).append("minDurationMinutes", rules.minDurationMinutes())
			.append("maxDurationMinutes", rules.maxDurationMinutes())
			.append("minNoticeHours", rules.minNoticeHours())
			.append("maxAdvanceDays", rules.maxAdvanceDays())
			.append("bufferBeforeMinutes", rules.bufferBeforeMinutes())
			.append("bufferAfterMinutes", rules.bufferAfterMinutes())
			.append("monthlyQuotaPerOrganisation", rules.monthlyQuotaPerOrganisation())
			.append("cancellationNoticeHours", rules.cancellationNoticeHours());
		return new Document("kind", listing.kind()).append("title", title(listing.title()))
			.append("mrc", listing.mrc())
			.append("bookableAtOnce", listing.bookableAtOnce())
			.append("capacity", listing.capacity())
			.append("unit", listing.unit().name())
			.append("timeZone", listing.timeZone().getId())
			.append("weekly", weekly)
			.append("blackouts", blackouts)
			.append("policy", policy)
			.append("costMode", listing.costRecovery().mode())
			.append("costAmount", text(listing.costRecovery().amount()))
			.append("marketValuePerUnit", text(listing.marketValuePerUnit()))
			.append("prerequisites", listing.prerequisites().stream().map(MongoListingDirectory::title).toList());
	}

	private static BookableListing read(Document document) {
		Document facts = document.get("facts", Document.class);
		Document policy = facts.get("policy", Document.class);
		List<WeeklyWindow> weekly = new ArrayList<>();
		for (Document w : facts.getList("weekly", Document.class)) {
			weekly.add(new WeeklyWindow(DayOfWeek.valueOf(w.getString("day")), LocalTime.parse(w.getString("from")),
					LocalTime.parse(w.getString("to"))));
		}
		List<Blackout> blackouts = new ArrayList<>();
		for (Document b : facts.getList("blackouts", Document.class)) {
			blackouts.add(new Blackout(LocalDate.parse(b.getString("from")), LocalDate.parse(b.getString("to")),
					b.getString("reason")));
		}
		BookingRules rules = new BookingRules(BookingMode.valueOf(policy.getString("mode")),
				policy.getInteger("minDurationMinutes"), policy.getInteger("maxDurationMinutes"),
				policy.getInteger("minNoticeHours"), policy.getInteger("maxAdvanceDays"),
				policy.getInteger("bufferBeforeMinutes"), policy.getInteger("bufferAfterMinutes"),
				policy.getInteger("monthlyQuotaPerOrganisation"), policy.getInteger("cancellationNoticeHours"));
		return new BookableListing(document.getString("_id"), document.getString("ownerOrganisationId"),
				ListingStatus.valueOf(document.getString("status")), facts.getString("kind"),
				title(facts.get("title", Document.class)), facts.getString("mrc"), facts.getInteger("bookableAtOnce"),
				facts.getInteger("capacity"), BookingUnit.valueOf(facts.getString("unit")),
				ZoneId.of(facts.getString("timeZone")), weekly, blackouts, rules,
				new CostRecovery(facts.getString("costMode"), decimal(facts.getString("costAmount"))),
				decimal(facts.getString("marketValuePerUnit")),
				facts.getList("prerequisites", Document.class).stream().map(MongoListingDirectory::title).toList(),
				document.getDate("changedAt").toInstant());
	}

	/**
	 * A listing parsed from its document, with that document's version: the count of events applied to it and the
	 * time of the last one. Every write of the read model increments the count.
	 */
	private record Parsed(long eventsApplied, Date changedAt, BookableListing listing) {

		boolean isVersion(Document version) {
			return version.get("eventsApplied") instanceof Number count && count.longValue() == this.eventsApplied
					&& this.changedAt.equals(version.getDate("changedAt"));
		}

	}

	private static Document title(Title title) {
		return new Document("fr", title.fr()).append("en", title.en());
	}

	private static Title title(Document document) {
		return new Title(document.getString("fr"), document.getString("en"));
	}

	private static @Nullable String text(@Nullable BigDecimal amount) {
		return (amount != null) ? amount.toPlainString() : null;
	}

	private static @Nullable BigDecimal decimal(@Nullable String text) {
		return (text != null) ? new BigDecimal(text) : null;
	}

}
