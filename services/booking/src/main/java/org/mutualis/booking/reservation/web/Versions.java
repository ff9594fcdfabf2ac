package org.mutualis.booking.reservation.web;

import org.jspecify.annotations.Nullable;
import org.mutualis.platform.problem.Refusal;

import org.springframework.http.ResponseEntity;

/** Reads the booking version carried by {@code If-Match} and answers with it as {@code ETag}. */
final class Versions {

	private Versions() {
	}

	static @Nullable Long parse(@Nullable String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			return null;
		}
		String value = ifMatch.trim();
		if (value.startsWith("W/")) {
			value = value.substring(2);
		}
		try {
			return Long.parseLong(value.replace("\"", ""));
		}
		catch (NumberFormatException ex) {
			throw Refusal.invalidField("invalid-version", "If-Match");
		}
	}

	static ResponseEntity<BookingView> withETag(ResponseEntity.BodyBuilder builder, BookingView view) {
		return builder.eTag("\"" + view.version() + "\"").body(view);
	}

}
