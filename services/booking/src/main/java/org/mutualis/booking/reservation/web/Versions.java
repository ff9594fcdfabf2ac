package org.mutualis.booking.reservation.web;

import org.jspecify.annotations.Nullable;
import org.mutualis.platform.web.IfMatch;

import org.springframework.http.ResponseEntity;

/** Reads the booking version carried by {@code If-Match} and answers with it as {@code ETag}. */
final class Versions {

	private Versions() {
	}

	static @Nullable Long parse(@Nullable String ifMatch) {
		return IfMatch.version(ifMatch);
	}

	static ResponseEntity<BookingView> withETag(ResponseEntity.BodyBuilder builder, BookingView view) {
		return builder.eTag(IfMatch.etag(view.version())).body(view);
	}

}
