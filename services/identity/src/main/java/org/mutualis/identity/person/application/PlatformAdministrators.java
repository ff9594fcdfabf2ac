package org.mutualis.identity.person.application;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.mutualis.identity.person.DesignatedAdministrators;
import org.mutualis.identity.person.People;
import org.mutualis.identity.person.Person;
import org.mutualis.platform.aggregate.StaleVersion;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.problem.Refusal.Reason;
import org.mutualis.platform.security.Actor;

import org.springframework.stereotype.Service;

/**
 * Who administers the platform: the addresses the deployment designates are granted at start and when their
 * account is proven, and administrators grant and revoke one another, never leaving the platform without one.
 */
@Service
public class PlatformAdministrators {

	// more than simultaneous writers of one person plausibly meet; each lost attempt means another write won
	private static final int MAX_ATTEMPTS = 8;

	private final People people;

	private final DesignatedAdministrators designated;

	private final Clock clock;

	/**
	 * Creates the service.
	 * @param people person store
	 * @param designated the addresses the deployment names as administrators
	 * @param clock the clock
	 */
	public PlatformAdministrators(People people, DesignatedAdministrators designated, Clock clock) {
		this.people = people;
		this.designated = designated;
		this.clock = clock;
	}

	/**
	 * Grants administration to every existing person whose proven address is designated and who is not an
	 * administrator yet. Safe to run on several instances at once: each grant is a conditional write of the person,
	 * and a write lost to another instance (or to any other change of the person) is retried on what won, which then
	 * usually is the grant itself.
	 * @return how many grants this call recorded
	 */
	public int grantDesignated() {
		int granted = 0;
		for (String address : this.designated.addresses()) {
			if (grantDesignated(address)) {
				granted++;
			}
		}
		return granted;
	}

	private boolean grantDesignated(String address) {
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			Optional<Person> found = this.people.findByEmail(address);
			if (found.isEmpty() || !this.designated.grantIfDesignated(found.get(), this.clock.instant())) {
				return false;
			}
			try {
				this.people.save(found.get());
				return true;
			}
			catch (StaleVersion changedMeanwhile) {
				// read again: another instance granted it, or the person changed and is still to be granted
			}
		}
		throw new IllegalStateException("could not grant administration to " + address + " in " + MAX_ATTEMPTS
				+ " attempts: the person keeps changing");
	}

	/**
	 * Lists the administrators. Precondition: the actor is an administrator.
	 * @param actor who asks
	 * @return the administrators, by e-mail address
	 */
	public List<Person> list(Actor actor) {
		requireAdmin(actor);
		return this.people.findAdministrators();
	}

	/**
	 * Makes a person an administrator; nothing changes if they are one already. Preconditions: the actor is an
	 * administrator; the person exists and proved their address (an account registered by someone who does not own
	 * the address must not gain the platform).
	 * @param actor who grants
	 * @param personId the person
	 * @return the person as stored
	 */
	public Person grant(Actor actor, String personId) {
		requireAdmin(actor);
		Person person = existing(personId);
		if (!person.emailVerified()) {
			throw Refusal.of(Reason.UNPROCESSABLE, "administrator-unproven");
		}
		person.grantAdministration(this.clock.instant());
		if (!person.pendingEvents().isEmpty()) {
			this.people.save(person);
		}
		return person;
	}

	/**
	 * Ends a person's administration; nothing changes if they are not an administrator. Preconditions: the actor is
	 * an administrator; the person exists; their address is not designated by the deployment (it would be granted
	 * again at the next start); another administrator remains. Two administrators revoking each other at the same
	 * moment write two documents that no single write can check together: each looks again after its revocation and,
	 * finding nobody left, grants back what it revoked and refuses, so at least one of them stays.
	 * @param actor who revokes
	 * @param personId the person
	 */
	public void revoke(Actor actor, String personId) {
		requireAdmin(actor);
		Person person = existing(personId);
		if (!person.admin()) {
			return;
		}
		if (this.designated.designates(person.email())) {
			throw Refusal.of(Reason.CONFLICT, "administrator-designated");
		}
		if (this.people.findAdministrators().stream().noneMatch((other) -> !other.id().equals(personId))) {
			throw Refusal.of(Reason.CONFLICT, "last-administrator");
		}
		person.revokeAdministration(this.clock.instant());
		this.people.save(person);
		if (this.people.findAdministrators().isEmpty()) {
			grantBack(personId);
			throw Refusal.of(Reason.CONFLICT, "last-administrator");
		}
	}

	private void grantBack(String personId) {
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			Person person = existing(personId);
			person.grantAdministration(this.clock.instant());
			if (person.pendingEvents().isEmpty()) {
				return;
			}
			try {
				this.people.save(person);
				return;
			}
			catch (StaleVersion changedMeanwhile) {
				// the person changed since the revocation: grant back on what is stored now
			}
		}
		throw new IllegalStateException("could not grant administration back to " + personId);
	}

	private Person existing(String personId) {
		return this.people.find(personId).orElseThrow(() -> Refusal.of(Reason.NOT_FOUND, "person-not-found"));
	}

	private static void requireAdmin(Actor actor) {
		if (!actor.isAdmin()) {
			throw Refusal.of(Reason.FORBIDDEN, "admin-only");
		}
	}

}
