package org.mutualis.notifications.preferences.persistence;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.mutualis.notifications.preferences.Category;
import org.mutualis.notifications.preferences.NotificationPreferences;
import org.mutualis.notifications.preferences.Preferences;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** Keeps preferences in the {@value #COLLECTION} collection, one document per person who chose. */
@Repository
class MongoPreferences implements Preferences {

	static final String COLLECTION = "preferences";

	private final MongoTemplate mongo;

	MongoPreferences(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public NotificationPreferences of(String personId) {
		Document document = this.mongo.findById(personId, Document.class, COLLECTION);
		if (document == null) {
			return NotificationPreferences.defaults(personId);
		}
		Set<Category> email = EnumSet.noneOf(Category.class);
		for (String name : document.getList("emailCategories", String.class, List.of())) {
			// a category retired from the code is simply no longer offered
			for (Category category : Category.values()) {
				if (category.name().equals(name)) {
					email.add(category);
				}
			}
		}
		return new NotificationPreferences(personId, email, document.getBoolean("dailyDigest", false),
				document.getList("mutedListings", String.class, List.of()),
				document.getList("mutedConversations", String.class, List.of()));
	}

	@Override
	public void save(NotificationPreferences preferences) {
		this.mongo.save(new Document("_id", preferences.personId())
			.append("emailCategories", preferences.emailCategories().stream().map(Enum::name).sorted().toList())
			.append("dailyDigest", preferences.dailyDigest())
			.append("mutedListings", preferences.mutedListings())
			.append("mutedConversations", preferences.mutedConversations()), COLLECTION);
	}

}
