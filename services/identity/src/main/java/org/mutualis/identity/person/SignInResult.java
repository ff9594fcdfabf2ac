package org.mutualis.identity.person;

import java.time.Instant;

/** The outcome of a sign-in attempt. */
public sealed interface SignInResult {

	/** The password is right. */
	record SignedIn(Person person) implements SignInResult {
	}

	/** Too many recent failures: no attempt is checked before a given time, whatever the password or account. */
	record Throttled(Instant until) implements SignInResult {
	}

	/** The password is right but the address is not proven yet: a new confirmation link was e-mailed. */
	record Unverified() implements SignInResult {
	}

	/** Unknown address or wrong password; which one is not told. */
	record Refused() implements SignInResult {
	}

}
