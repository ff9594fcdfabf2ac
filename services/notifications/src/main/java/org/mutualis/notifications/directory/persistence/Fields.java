package org.mutualis.notifications.directory.persistence;

import org.jspecify.annotations.Nullable;

import org.springframework.data.mongodb.core.query.Update;

/** Partial updates of read-model documents: a value an event does not carry leaves what is known. */
final class Fields {

	private Fields() {
	}

	static void setIfPresent(Update update, String field, @Nullable String value) {
		if (value != null) {
			update.set(field, value);
		}
	}

}
