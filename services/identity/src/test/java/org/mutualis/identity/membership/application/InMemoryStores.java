package org.mutualis.identity.membership.application;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.mutualis.identity.common.Emails;
import org.mutualis.identity.membership.Invitation;
import org.mutualis.identity.membership.InvitationState;
import org.mutualis.identity.membership.Invitations;
import org.mutualis.identity.organisation.Organisation;
import org.mutualis.identity.organisation.OrganisationState;
import org.mutualis.identity.organisation.OrganisationStatus;
import org.mutualis.identity.organisation.Organisations;
import org.mutualis.identity.person.People;
import org.mutualis.identity.person.Person;
import org.mutualis.identity.person.PersonState;
import org.mutualis.platform.aggregate.AggregateRoot;
import org.mutualis.platform.aggregate.StaleVersion;

/**
 * Test doubles of identity's repository interfaces that keep state and version like the platform's store (a save
 * prepared on an older version is refused, the first save stores 0) and can be told to fail their next save, as a
 * lost database connection would, writing nothing.
 */
final class InMemoryStores {

	private InMemoryStores() {
	}

	/** What a failed write throws. */
	static final class WriteFailed extends RuntimeException {

		private static final long serialVersionUID = 1L;

		WriteFailed(String what) {
			super("write of " + what + " failed");
		}

	}

	/** Documents with versions, and the events each save would have put in the outbox. */
	private static class Documents<S> {

		private final Map<String, S> states = new HashMap<>();

		private final Map<String, Long> versions = new HashMap<>();

		private final List<Object> published = new ArrayList<>();

		private int savesBeforeFailure = -1;

		/** The next save fails (once). */
		void failNextSave() {
			failSaveAfter(0);
		}

		/**
		 * One save fails (once), after a number of saves that succeed.
		 * @param succeeding how many saves succeed first
		 */
		void failSaveAfter(int succeeding) {
			this.savesBeforeFailure = succeeding;
		}

		void save(AggregateRoot<?> aggregate, S state) {
			if (this.savesBeforeFailure == 0) {
				this.savesBeforeFailure = -1;
				throw new WriteFailed(aggregate.id());
			}
			if (this.savesBeforeFailure > 0) {
				this.savesBeforeFailure--;
			}
			long stored = this.versions.getOrDefault(aggregate.id(), AggregateRoot.NEW);
			if (stored != aggregate.version()) {
				throw new StaleVersion(aggregate.id(), aggregate.version(), stored);
			}
			this.states.put(aggregate.id(), state);
			this.versions.put(aggregate.id(), stored + 1);
			this.published.addAll(aggregate.pendingEvents());
			aggregate.stored(stored + 1);
		}

		List<Object> published() {
			return List.copyOf(this.published);
		}

		long version(String id) {
			return this.versions.get(id);
		}

	}

	static final class MemoryOrganisations extends Documents<OrganisationState> implements Organisations {

		@Override
		public Optional<Organisation> find(String id) {
			return Optional.ofNullable(super.states.get(id)).map((s) -> Organisation.restore(s, version(id)));
		}

		@Override
		public org.mutualis.identity.common.Page<Organisation> list(@Nullable OrganisationStatus status,
				org.mutualis.identity.common.Paging paging) {
			throw new UnsupportedOperationException();
		}

		@Override
		public List<Organisation> ofMember(String personId) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void save(Organisation organisation) {
			save(organisation, organisation.state());
		}

	}

	static final class MemoryPeople extends Documents<PersonState> implements People {

		@Override
		public Optional<Person> find(String id) {
			return Optional.ofNullable(super.states.get(id)).map((s) -> Person.restore(s, version(id)));
		}

		@Override
		public Optional<Person> findByEmail(String email) {
			return super.states.values()
				.stream()
				.filter((s) -> s.normalizedEmail().equals(Emails.normalize(email)))
				.findFirst()
				.map((s) -> Person.restore(s, version(s.id())));
		}

		@Override
		public Optional<Person> findByResetSecretHash(String secretHash) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Optional<Person> findByVerificationSecretHash(String secretHash) {
			throw new UnsupportedOperationException();
		}

		@Override
		public List<Person> findAll(Collection<String> ids) {
			throw new UnsupportedOperationException();
		}

		@Override
		public List<Person> findAdministrators() {
			return super.states.values()
				.stream()
				.filter(PersonState::admin)
				.map((s) -> Person.restore(s, version(s.id())))
				.toList();
		}

		@Override
		public void save(Person person) {
			save(person, person.state());
		}

	}

	static final class MemoryInvitations extends Documents<InvitationState> implements Invitations {

		@Override
		public Optional<Invitation> findBySecretHash(String secretHash) {
			return super.states.values()
				.stream()
				.filter((s) -> s.secretHash().equals(secretHash))
				.findFirst()
				.map((s) -> Invitation.restore(s, version(s.id())));
		}

		@Override
		public Optional<Invitation> find(String id) {
			return Optional.ofNullable(super.states.get(id)).map((s) -> Invitation.restore(s, version(id)));
		}

		@Override
		public java.util.List<Invitation> pending(String organisationId, java.time.Instant now, long offset, int limit) {
			return super.states.values()
				.stream()
				.filter((s) -> s.organisationId().equals(organisationId))
				.map((s) -> Invitation.restore(s, version(s.id())))
				.filter((i) -> i.isPending(now))
				.skip(offset)
				.limit(limit)
				.toList();
		}

		@Override
		public Optional<Invitation> pendingFor(String organisationId, String email, java.time.Instant now) {
			return pending(organisationId, now, 0, Integer.MAX_VALUE).stream()
				.filter((i) -> org.mutualis.identity.common.Emails.normalize(i.email())
					.equals(org.mutualis.identity.common.Emails.normalize(email)))
				.findFirst();
		}

		@Override
		public long countPending(String organisationId, java.time.Instant now) {
			return pending(organisationId, now, 0, Integer.MAX_VALUE).size();
		}

		@Override
		public long sentSince(String organisationId, java.time.Instant since) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void save(Invitation invitation) {
			save(invitation, invitation.state());
		}

		InvitationState state(String id) {
			return super.states.get(id);
		}

	}

}
