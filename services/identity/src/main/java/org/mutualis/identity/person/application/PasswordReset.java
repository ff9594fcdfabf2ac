package org.mutualis.identity.person.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.mutualis.identity.common.SecretTokens;
import org.mutualis.identity.person.DesignatedAdministrators;
import org.mutualis.identity.person.PasswordHasher;
import org.mutualis.identity.person.PasswordPolicy;
import org.mutualis.identity.person.PasswordResetNotices;
import org.mutualis.identity.person.People;
import org.mutualis.identity.person.Person;
import org.mutualis.identity.person.Signouts;
import org.mutualis.platform.aggregate.StaleVersion;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.problem.Refusal.Reason;

import org.springframework.stereotype.Service;

/** Lets a person who forgot their password choose a new one through a single-use link valid one hour. */
@Service
public class PasswordReset {

	/** How long a reset link works. */
	public static final Duration VALIDITY = Duration.ofHours(1);

	// more than simultaneous requests plausibly meet; each lost attempt means another request won
	private static final int MAX_ATTEMPTS = 16;

	private final People people;

	private final PasswordPolicy policy;

	private final PasswordHasher hasher;

	private final PasswordResetNotices notices;

	private final Signouts signouts;

	private final DesignatedAdministrators administrators;

	private final Clock clock;

	/**
	 * Creates the service.
	 * @param people person store
	 * @param policy password rules
	 * @param hasher password hashing
	 * @param notices e-mails the link
	 * @param signouts ends the person's authorizations once the password changed
	 * @param administrators the addresses granted administration once proven (a reset link proves the address)
	 * @param clock the clock
	 */
	public PasswordReset(People people, PasswordPolicy policy, PasswordHasher hasher, PasswordResetNotices notices,
			Signouts signouts, DesignatedAdministrators administrators, Clock clock) {
		this.people = people;
		this.policy = policy;
		this.hasher = hasher;
		this.notices = notices;
		this.signouts = signouts;
		this.administrators = administrators;
		this.clock = clock;
	}

	/**
	 * E-mails a reset link if the address belongs to someone; says nothing either way, so that nobody can learn
	 * which addresses have accounts.
	 * @param email the address typed
	 */
	public void request(String email) {
		// simultaneous requests for one person race on the same document: the loser starts again on the winner's
		// version instead of answering 409, which an unknown address never does
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			Optional<Person> found = this.people.findByEmail(email);
			if (found.isEmpty()) {
				return;
			}
			Person person = found.get();
			String secret = SecretTokens.newSecret();
			person.startPasswordReset(SecretTokens.hash(secret), this.clock.instant().plus(VALIDITY));
			try {
				this.people.save(person);
			}
			catch (StaleVersion changedMeanwhile) {
				continue;
			}
			this.notices.resetRequested(person, secret);
			return;
		}
		// every attempt lost to another request, each of which e-mailed its own link: nothing is left to do
	}

	/**
	 * Sets the new password and signs the person out of every client. Preconditions: the secret is that of the pending, unexpired reset; the password
	 * passes the policy.
	 * @param secret the secret from the link
	 * @param newPassword the new password
	 */
	public void complete(String secret, String newPassword) {
		this.policy.check(newPassword);
		String hash = SecretTokens.hash(secret);
		Person person = this.people.findByResetSecretHash(hash)
			.orElseThrow(() -> Refusal.of(Reason.UNPROCESSABLE, "reset-link-invalid"));
		Instant now = this.clock.instant();
		person.resetPassword(hash, this.hasher.hash(newPassword), now);
		this.administrators.grantIfDesignated(person, now);
		this.people.save(person);
		// whoever knew the old password may hold refresh tokens: every client signs in again
		this.signouts.signOutEverywhere(person.id());
	}

}
