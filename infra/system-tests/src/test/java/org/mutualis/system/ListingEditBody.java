package org.mutualis.system;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The body of listings' {@code PUT /api/listings/{id}} made from a listing as read: the fields it accepts only. */
final class ListingEditBody {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> FIELDS = List.of("kind", "title", "description", "categoryCode", "tags",
			"location", "timeZone", "bookableAtOnce", "unit", "costRecovery", "marketValuePerUnit", "traits",
			"availability", "bookingPolicy", "prerequisites", "contact");

	private ListingEditBody() {
	}

	/**
	 * @param listing the listing as listings answers it, possibly changed by the test
	 * @return the edit body, as JSON text
	 */
	static String of(ObjectNode listing) {
		ObjectNode body = JSON.createObjectNode();
		for (String field : FIELDS) {
			if (listing.hasNonNull(field)) {
				body.set(field, listing.get(field));
			}
		}
		return body.toString();
	}

}
