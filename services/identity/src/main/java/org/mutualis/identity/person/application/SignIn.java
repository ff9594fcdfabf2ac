package org.mutualis.identity.person.application;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.mutualis.identity.person.PasswordHasher;
import org.mutualis.identity.person.People;
import org.mutualis.identity.person.Person;
import org.mutualis.identity.person.SignInFailures;
import org.mutualis.identity.person.SignInResult;
import org.mutualis.identity.person.SignInThrottle;
import org.mutualis.identity.person.SignInThrottle.Failures;
import org.mutualis.identity.person.SignInThrottle.Scope;
import org.mutualis.platform.aggregate.StaleVersion;

import org.springframework.stereotype.Service;

/**
 * Checks a person's password; wrong passwords slow further attempts down as the {@link SignInThrottle} says, for
 * known and unknown addresses alike, and never lock the account.
 */
@Service
public class SignIn {

	// a valid hash compared when the address is unknown, so both cases take the same time
	private final String decoyHash;

	private final People people;

	private final PasswordHasher hasher;

	private final SignInFailures failures;

	private final EmailVerification verification;

	private final Clock clock;

	/**
	 * Creates the service.
	 * @param people person store
	 * @param hasher password hashing
	 * @param failures failed attempts counted per account and address
	 * @param verification sends a new confirmation link to an unproven address
	 * @param clock the clock
	 */
	public SignIn(People people, PasswordHasher hasher, SignInFailures failures, EmailVerification verification,
			Clock clock) {
		this.people = people;
		this.hasher = hasher;
		this.failures = failures;
		this.verification = verification;
		this.clock = clock;
		this.decoyHash = hasher.hash("decoy-password-never-used");
	}

	/**
	 * Attempts a sign-in.
	 * @param email the address typed
	 * @param password the password typed
	 * @param address the network address the attempt comes from
	 * @return signed in, throttled, unverified (right password, address not proven) or refused
	 */
	public SignInResult attempt(String email, String password, String address) {
		Instant now = this.clock.instant();
		Map<Scope, String> keys = SignInThrottle.keys(email, address);
		Map<String, Failures> stored = this.failures.of(keys.values());
		Map<Scope, Failures> counted = new HashMap<>();
		keys.forEach((scope, key) -> {
			if (stored.containsKey(key)) {
				counted.put(scope, stored.get(key));
			}
		});
		Optional<Instant> wait = SignInThrottle.waitUntil(counted, now);
		if (wait.isPresent()) {
			return new SignInResult.Throttled(wait.get());
		}
		Optional<Person> found = this.people.findByEmail(email);
		boolean right;
		if (found.isPresent()) {
			right = this.hasher.matches(password, found.get().passwordHash());
		}
		else {
			this.hasher.matches(password, this.decoyHash);
			right = false;
		}
		if (right) {
			SignInThrottle.clearedBySuccess().forEach((scope) -> this.failures.forget(keys.get(scope)));
			Person person = found.get();
			if (!person.emailVerified()) {
				resendConfirmation(person);
				return new SignInResult.Unverified();
			}
			return new SignInResult.SignedIn(person);
		}
		this.failures.recordFailure(keys.values(), now);
		return new SignInResult.Refused();
	}

	private void resendConfirmation(Person person) {
		String secret = this.verification.prepare(person);
		try {
			this.people.save(person);
		}
		catch (StaleVersion changedMeanwhile) {
			// a simultaneous attempt sent a link already
			return;
		}
		this.verification.send(person, secret);
	}

}
