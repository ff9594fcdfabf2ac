package org.mutualis.identity.person.application;

import java.time.Clock;

import org.jspecify.annotations.Nullable;
import org.mutualis.identity.common.Language;
import org.mutualis.identity.common.SecretTokens;
import org.mutualis.identity.person.EmailVerificationNotices;
import org.mutualis.identity.person.People;
import org.mutualis.identity.person.Person;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.problem.Refusal.Reason;
import org.mutualis.platform.security.Actor;

import org.springframework.stereotype.Service;

/** Lets a signed-in person change their own name, language and e-mail address. */
@Service
public class ProfileEditing {

	private final People people;

	private final EmailVerificationNotices notices;

	private final Clock clock;

	/**
	 * Creates the service.
	 * @param people person store
	 * @param notices e-mails the link that proves a new address
	 * @param clock the clock
	 */
	public ProfileEditing(People people, EmailVerificationNotices notices, Clock clock) {
		this.people = people;
		this.notices = notices;
		this.clock = clock;
	}

	/**
	 * Changes the caller's display name and preferred language.
	 * @param actor the signed-in person
	 * @param displayName the new name
	 * @param language the new language
	 * @param expectedVersion the version the caller last read ({@code If-Match}), if they sent one
	 * @return the person as stored
	 */
	public Person change(Actor actor, String displayName, Language language, @Nullable Long expectedVersion) {
		Person person = self(actor);
		if (expectedVersion != null) {
			person.requireVersion(expectedVersion);
		}
		person.changeProfile(displayName, language, this.clock.instant());
		this.people.save(person);
		return person;
	}

	/**
	 * Starts a change of the caller's address: a single-use link goes to the new address and the address changes
	 * once it is used. When the new address already belongs to another account nothing is sent, and the answer is
	 * the same, so that nobody learns which addresses have accounts.
	 * @param actor the signed-in person
	 * @param newEmail the new address
	 */
	public void requestEmailChange(Actor actor, String newEmail) {
		Person person = self(actor);
		boolean taken = this.people.findByEmail(newEmail).filter((other) -> !other.id().equals(person.id())).isPresent();
		String secret = SecretTokens.newSecret();
		person.startEmailChange(newEmail, SecretTokens.hash(secret),
				this.clock.instant().plus(Person.VERIFICATION_VALIDITY));
		if (taken) {
			return;
		}
		this.people.save(person);
		this.notices.emailChangeRequested(person, secret);
	}

	private Person self(Actor actor) {
		return this.people.find(actor.personId()).orElseThrow(() -> Refusal.of(Reason.NOT_FOUND, "person-not-found"));
	}

}
