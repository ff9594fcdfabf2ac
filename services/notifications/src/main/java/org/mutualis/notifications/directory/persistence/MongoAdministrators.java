package org.mutualis.notifications.directory.persistence;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.mutualis.notifications.directory.Administrators;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The administrators: people whom identity made administrators (the {@code administrator} flag of the people read
 * model) and the configured bootstrap list, kept in the {@value #COLLECTION} collection, one document per person with
 * the configured entry it comes from ({@code source: configuration}). At start that collection follows the
 * configuration (entries removed from it are forgotten); an e-mail entry becomes a person as soon as the people read
 * model knows the address.
 */
@Repository
class MongoAdministrators implements Administrators {

	static final String COLLECTION = "administrators";

	private static final String CONFIGURATION = "configuration";

	private final MongoTemplate mongo;

	private final List<String> configured;

	MongoAdministrators(MongoTemplate mongo, AdministratorsSettings settings,
			@Value("${mutualis.demo.enabled:false}") boolean demo) {
		this.mongo = mongo;
		this.configured = Stream
			.concat(settings.administrators().stream(), demo ? settings.demoAdministrators().stream() : Stream.empty())
			.map(String::strip)
			.filter((entry) -> !entry.isEmpty())
			.distinct()
			.toList();
	}

	/** Follows the configuration: forgets entries no longer listed, adds the ones whose person is known. */
	@EventListener(ApplicationStartedEvent.class)
	void followConfiguration() {
		this.mongo.remove(Query.query(Criteria.where("source").is(CONFIGURATION).and("entry").nin(this.configured)),
				COLLECTION);
		for (String entry : this.configured) {
			if (isEmail(entry)) {
				personWithEmail(entry).ifPresent((personId) -> appoint(personId, entry));
			}
			else {
				appoint(entry, entry);
			}
		}
	}

	@Override
	public List<String> personIds() {
		Stream<String> configured = this.mongo.findAll(Document.class, COLLECTION)
			.stream()
			.map((admin) -> admin.getString("_id"));
		Query granted = Query.query(Criteria.where(MongoPeople.ADMINISTRATOR).is(true));
		granted.fields().include("_id");
		Stream<String> byIdentity = this.mongo.find(granted, Document.class, MongoPeople.COLLECTION)
			.stream()
			.map((person) -> person.getString("_id"));
		return Stream.concat(byIdentity, configured).distinct().toList();
	}

	@Override
	public void personKnown(String personId, @Nullable String email) {
		if (email == null) {
			return;
		}
		this.configured.stream()
			.filter((entry) -> isEmail(entry) && entry.equalsIgnoreCase(email.strip()))
			.findFirst()
			.ifPresent((entry) -> appoint(personId, entry));
	}

	private void appoint(String personId, String entry) {
		this.mongo.upsert(Query.query(Criteria.where("_id").is(personId)),
				new Update().set("source", CONFIGURATION).set("entry", entry), COLLECTION);
	}

	private Optional<String> personWithEmail(String email) {
		Document person = this.mongo.findOne(Query.query(Criteria.where("email")
			.regex("^" + Pattern.quote(email.toLowerCase(Locale.ROOT)) + "$", "i")), Document.class, MongoPeople.COLLECTION);
		return Optional.ofNullable(person).map((found) -> found.getString("_id"));
	}

	private static boolean isEmail(String entry) {
		return entry.contains("@");
	}

}
