package org.mutualis.identity.person.application;

import java.time.Clock;

import org.mutualis.identity.common.SecretTokens;
import org.mutualis.identity.person.DesignatedAdministrators;
import org.mutualis.identity.person.EmailVerificationNotices;
import org.mutualis.identity.person.People;
import org.mutualis.identity.person.Person;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.problem.Refusal.Reason;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Proves that a person receives mail at their address, through a single-use e-mailed link. */
@Service
public class EmailVerification {

	private final People people;

	private final EmailVerificationNotices notices;

	private final DesignatedAdministrators administrators;

	private final Clock clock;

	/**
	 * Creates the service.
	 * @param people person store
	 * @param notices e-mails the link, and tells a former address it was replaced
	 * @param administrators the addresses granted administration once proven
	 * @param clock the clock
	 */
	public EmailVerification(People people, EmailVerificationNotices notices, DesignatedAdministrators administrators,
			Clock clock) {
		this.people = people;
		this.notices = notices;
		this.administrators = administrators;
		this.clock = clock;
	}

	/**
	 * Prepares a confirmation link on a person not stored yet (or about to be stored by the caller).
	 * @param person the person
	 * @return the secret to e-mail once the person is stored, with {@link #send}
	 */
	public String prepare(Person person) {
		String secret = SecretTokens.newSecret();
		person.startEmailVerification(SecretTokens.hash(secret), this.clock.instant().plus(Person.VERIFICATION_VALIDITY));
		return secret;
	}

	/**
	 * E-mails a prepared link.
	 * @param person the stored person
	 * @param secret the secret {@link #prepare} returned
	 */
	public void send(Person person, String secret) {
		this.notices.verificationRequested(person, secret);
	}

	/**
	 * Confirms an address with the secret of its link, granting administration if the address is designated; when
	 * it was a new address, the former one is told (so that its owner notices a change they did not make).
	 * Precondition: the link is pending and unexpired.
	 * @param secret the secret from the link
	 */
	public void verify(String secret) {
		String hash = SecretTokens.hash(secret);
		Person person = this.people.findByVerificationSecretHash(hash)
			.orElseThrow(() -> Refusal.of(Reason.UNPROCESSABLE, "verification-link-invalid"));
		String formerAddress = person.email();
		person.verifyEmail(hash, this.clock.instant());
		this.administrators.grantIfDesignated(person, this.clock.instant());
		try {
			this.people.save(person);
		}
		catch (DuplicateKeyException ex) {
			// another account took the new address after the change was asked for
			throw Refusal.of(Reason.CONFLICT, "email-taken");
		}
		if (!formerAddress.equals(person.email())) {
			this.notices.emailChanged(person, formerAddress);
		}
	}

}
