package org.mutualis.identity.person;

import java.time.Instant;

/** The outcome of a sign-in attempt. */
public sealed interface SignInResult {

	/** The password is right and the account is not locked. */
	record SignedIn(Person person) implements SignInResult {
	}

	/** The account is locked until a given time, whatever the password. */
	record Locked(Instant until) implements SignInResult {
	}

	/** Unknown address or wrong password; which one is not told. */
	record Refused() implements SignInResult {
	}

}
