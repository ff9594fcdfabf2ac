package org.mutualis.booking.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** The secret of a feed's address: 256 random bits, URL-safe; only its hash is stored. */
public final class FeedToken {

	private static final SecureRandom RANDOM = new SecureRandom();

	private FeedToken() {
	}

	/** @return a new random token, 43 URL-safe characters */
	public static String generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * Hashes a token for storage and lookup.
	 * @param token the token
	 * @return its hex SHA-256
	 */
	public static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

	/**
	 * Tells whether a text can be a token at all, so that junk is refused before any lookup.
	 * @param candidate what the caller sent
	 * @return whether it has a token's shape
	 */
	public static boolean looksLikeAToken(String candidate) {
		return candidate.length() == 43 && candidate.chars()
			.allMatch((c) -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
	}

}
