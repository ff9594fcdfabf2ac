package org.mutualis.identity.person.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.mutualis.identity.person.LockoutPolicy;
import org.mutualis.identity.person.PasswordHasher;
import org.mutualis.identity.person.People;
import org.mutualis.identity.person.Person;
import org.mutualis.identity.person.SignInResult;

import org.springframework.stereotype.Service;

/** Checks a person's password, counting failures and locking sign-in as the {@link LockoutPolicy} says. */
@Service
public class SignIn {

	// a valid hash compared when the address is unknown, so both cases take the same time
	private final String decoyHash;

	private final People people;

	private final PasswordHasher hasher;

	private final LockoutPolicy policy;

	private final Clock clock;

	/**
	 * Creates the service.
	 * @param people person store
	 * @param hasher password hashing
	 * @param policy lockout rules
	 * @param clock the clock
	 */
	public SignIn(People people, PasswordHasher hasher, LockoutPolicy policy, Clock clock) {
		this.people = people;
		this.hasher = hasher;
		this.policy = policy;
		this.clock = clock;
		this.decoyHash = hasher.hash("decoy-password-never-used");
	}

	/**
	 * Attempts a sign-in.
	 * @param email the address typed
	 * @param password the password typed
	 * @return signed in, locked or refused
	 */
	public SignInResult attempt(String email, String password) {
		Instant now = this.clock.instant();
		Optional<Person> found = this.people.findByEmail(email);
		if (found.isEmpty()) {
			this.hasher.matches(password, this.decoyHash);
			return new SignInResult.Refused();
		}
		Person person = found.get();
		if (person.isLocked(now)) {
			return new SignInResult.Locked(person.lockedUntil());
		}
		if (this.hasher.matches(password, person.passwordHash())) {
			if (person.failedSignIns() > 0 || person.lockedUntil() != null) {
				person.succeedSignIn();
				this.people.save(person);
			}
			return new SignInResult.SignedIn(person);
		}
		person.failSignIn(this.policy, now);
		this.people.save(person);
		return person.isLocked(now) ? new SignInResult.Locked(person.lockedUntil()) : new SignInResult.Refused();
	}

}
