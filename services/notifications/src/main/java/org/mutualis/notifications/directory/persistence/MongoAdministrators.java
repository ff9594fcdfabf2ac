package org.mutualis.notifications.directory.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.bson.Document;
import org.mutualis.notifications.directory.Administrators;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Reads the administrators from the people read model at each question: those whose {@code administrator} flag
 * identity set, those whose id is configured, and those whose address is configured (regardless of case). Nothing
 * of the configuration is stored, so instances configured differently never undo one another.
 */
@Repository
class MongoAdministrators implements Administrators {

	private final MongoTemplate mongo;

	private final List<String> configuredIds;

	private final List<String> configuredEmails;

	MongoAdministrators(MongoTemplate mongo, AdministratorsSettings settings,
			@Value("${mutualis.demo.enabled:false}") boolean demo) {
		this.mongo = mongo;
		List<String> configured = Stream
			.concat(settings.administrators().stream(), demo ? settings.demoAdministrators().stream() : Stream.empty())
			.map(String::strip)
			.filter((entry) -> !entry.isEmpty())
			.distinct()
			.toList();
		this.configuredIds = configured.stream().filter((entry) -> !isEmail(entry)).toList();
		this.configuredEmails = configured.stream().filter(MongoAdministrators::isEmail).toList();
	}

	@Override
	public List<String> personIds() {
		List<Criteria> who = new ArrayList<>();
		who.add(Criteria.where(MongoPeople.ADMINISTRATOR).is(true));
		for (String email : this.configuredEmails) {
			who.add(Criteria.where("email").regex("^" + Pattern.quote(email.toLowerCase(Locale.ROOT)) + "$", "i"));
		}
		Query query = Query.query(new Criteria().orOperator(who));
		query.fields().include("_id");
		Stream<String> known = this.mongo.find(query, Document.class, MongoPeople.COLLECTION)
			.stream()
			.map((person) -> person.getString("_id"));
		return Stream.concat(known, this.configuredIds.stream()).distinct().toList();
	}

	private static boolean isEmail(String entry) {
		return entry.contains("@");
	}

}
