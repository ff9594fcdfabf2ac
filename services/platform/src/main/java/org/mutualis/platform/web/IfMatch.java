package org.mutualis.platform.web;

import org.jspecify.annotations.Nullable;
import org.mutualis.platform.problem.Refusal;

/**
 * The version an aggregate's representation carries as its {@code ETag} ({@code "3"}) and a write sends back as
 * {@code If-Match}, for the optimistic concurrency of {@link org.mutualis.platform.aggregate.AggregateRoot}.
 */
public final class IfMatch {

	private IfMatch() {
	}

	/**
	 * Reads an {@code If-Match} value such as {@code "3"} (a weak {@code W/"3"} or a bare {@code 3} too).
	 * @param header the header, possibly absent
	 * @return the version, or {@code null} when the header is absent or blank
	 * @throws Refusal {@code 400 invalid-version} naming {@code If-Match} when it is not a version
	 */
	public static @Nullable Long version(@Nullable String header) {
		if (header == null || header.isBlank()) {
			return null;
		}
		String value = header.trim();
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

	/**
	 * Writes a version as an entity tag.
	 * @param version the stored version
	 * @return the {@code ETag} value, quoted
	 */
	public static String etag(long version) {
		return "\"" + version + "\"";
	}

}
