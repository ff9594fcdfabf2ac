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

/** What a password must be: at least twelve characters and not one of the most common passwords. */
public final class PasswordPolicy {

	/** Minimum length of a password. */
	public static final int MIN_LENGTH = 12;

	private static final int MAX_LENGTH = 128;

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
		if (password.length() > MAX_LENGTH) {
			throw Refusal.invalidField("password-too-long", "password", MAX_LENGTH);
		}
		if (this.common.contains(password.toLowerCase(Locale.ROOT))) {
			throw Refusal.invalidField("password-too-common", "password");
		}
	}

}
