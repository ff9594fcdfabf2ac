package org.mutualis.listings.web;

import org.jspecify.annotations.Nullable;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.web.IfMatch;

import org.springframework.http.ResponseEntity;

/** Reads and writes the listing version carried by {@code ETag} and {@code If-Match}. */
public final class Versions {

	private Versions() {
	}

	/**
	 * Reads an {@code If-Match} value such as {@code "3"}.
	 * @param ifMatch the header, possibly absent
	 * @return the version, or {@code null} when absent
	 */
	public static @Nullable Long parse(@Nullable String ifMatch) {
		return IfMatch.version(ifMatch);
	}

	/**
	 * Reads a required {@code If-Match} value.
	 * @param ifMatch the header
	 * @return the version
	 */
	public static long required(@Nullable String ifMatch) {
		Long version = parse(ifMatch);
		if (version == null) {
			throw Refusal.invalidField("version-required", "If-Match");
		}
		return version;
	}

	/**
	 * Reads the {@code If-Match} value a moderation decision must carry: the version the moderator reviewed.
	 * @param ifMatch the header
	 * @return the version
	 * @throws PreconditionRequired when absent ({@code 428 if-match-required})
	 */
	public static long requiredForDecision(@Nullable String ifMatch) {
		Long version = parse(ifMatch);
		if (version == null) {
			throw new PreconditionRequired();
		}
		return version;
	}

	/**
	 * Answers with a view and its version as {@code ETag}.
	 * @param builder the response being built
	 * @param view the listing view
	 * @return the response
	 */
	public static ResponseEntity<ListingView> withETag(ResponseEntity.BodyBuilder builder, ListingView view) {
		return builder.eTag(IfMatch.etag(view.version())).body(view);
	}

}
