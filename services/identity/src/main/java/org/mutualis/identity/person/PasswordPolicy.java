package org.mutualis.identity.person;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.mutualis.platform.problem.Refusal;

/**
 * What a password must be: at least twelve characters, at most {@value #MAX_BYTES} bytes in UTF-8 (what BCrypt
 * hashes; an accented letter takes two), and not one of the most common passwords.
 */
public final class PasswordPolicy {

	/** Minimum length of a password. */
	public static final int MIN_LENGTH = 12;

	/** Most bytes of a password in UTF-8: BCrypt refuses longer input. */
	public static final int MAX_BYTES = 72;

	private final Set<String> common;

	private PasswordPolicy(Set<String> common) {
		this.common = Set.copyOf(common);
	}

	/** @return the policy with the bundled list of common passwords ({@code common-passwords.txt}) */
	public static PasswordPolicy standard() {
		Set<String> common = new HashSet<>();
		try (InputStream in = PasswordPolicy.class.getResourceAsStream("/common-passwords.txt")) {
			if (in == null) {
				throw new IllegalStateException("common-passwords.txt is missing from the classpath");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			reader.lines().map(String::trim).filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.forEach((line) -> common.add(line.toLowerCase(Locale.ROOT)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new PasswordPolicy(common);
	}

	/**
	 * Checks a password.
	 * @param password the password as typed
	 * @throws Refusal naming the field {@code password} when it is too short, too long or too common
	 */
	public void check(String password) {
		if (password.length() < MIN_LENGTH) {
			throw Refusal.invalidField("password-too-short", "password", MIN_LENGTH);
		}
		if (tooLong(password)) {
			throw Refusal.invalidField("password-too-long", "password", MAX_BYTES);
		}
		if (this.common.contains(password.toLowerCase(Locale.ROOT))) {
			throw Refusal.invalidField("password-too-common", "password");
		}
	}

	/**
	 * Tells whether a password is longer than the hash function takes.
	 * @param password the password as typed
	 * @return whether it has more than {@value #MAX_BYTES} bytes in UTF-8
	 */
	public static boolean tooLong(String password) {
		return password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
	}

}
