package org.mutualis.identity.organisation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.mutualis.identity.common.Texts;
import org.mutualis.platform.aggregate.AggregateRoot;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.problem.Refusal.Reason;

/**
 * An organisation, its approval lifecycle and its members; every transition checks its precondition, changes
 * state and records the event it causes. An organisation always keeps at least one manager.
 */
public final class Organisation extends AggregateRoot<OrganisationEvent> {

	private final String id;

	private final OrganisationProfile profile;

	private OrganisationStatus status;

	private @Nullable String statusReason;

	private final Instant registeredAt;

	private Instant statusChangedAt;

	private final List<Member> members;

	private Organisation(OrganisationState state, long version) {
		super(version);
		this.id = state.id();
		this.profile = state.profile();
		this.status = state.status();
		this.statusReason = state.statusReason();
		this.registeredAt = state.registeredAt();
		this.statusChangedAt = state.statusChangedAt();
		this.members = new ArrayList<>(state.members());
	}

	/**
	 * Registers a new organisation with its first manager; it awaits approval.
	 * @param id new organisation id
	 * @param profile what it says about itself
	 * @param firstManagerId the person who registers it, who becomes its manager
	 * @param now the current time
	 * @return the organisation, with its registered and joined events
	 */
	public static Organisation register(String id, OrganisationProfile profile, String firstManagerId, Instant now) {
		Organisation organisation = new Organisation(new OrganisationState(id, profile, OrganisationStatus.REGISTERED,
				null, now, now, List.of(new Member(firstManagerId, MembershipRole.MANAGER, now))), NEW);
		organisation.record(new OrganisationRegistered(id, profile.name(), profile.legalForm(), profile.sector(),
				profile.mrc(), profile.municipality(), profile.preferredLanguage(), now));
		organisation.record(new MembershipJoined(id, firstManagerId, MembershipRole.MANAGER, now));
		return organisation;
	}

	/**
	 * Rebuilds an organisation from storage, without events.
	 * @param state the stored state
	 * @param version the stored version
	 * @return the organisation
	 */
	public static Organisation restore(OrganisationState state, long version) {
		return new Organisation(state, version);
	}

	/** @return the current state, for storage and display */
	public OrganisationState state() {
		return new OrganisationState(this.id, this.profile, this.status, this.statusReason, this.registeredAt,
				this.statusChangedAt, List.copyOf(this.members));
	}

	/**
	 * Approves a registered organisation. Precondition: status is REGISTERED.
	 * @param now the current time
	 */
	public void approve(Instant now) {
		requireStatus(OrganisationStatus.REGISTERED);
		changeStatus(OrganisationStatus.APPROVED, null, now);
		record(new OrganisationApproved(this.id, this.profile.name(), this.profile.mrc(),
				this.profile.municipality(), now));
	}

	/**
	 * Rejects a registered organisation. Precondition: status is REGISTERED.
	 * @param reason why, shown to the organisation; cleaned ({@link Texts#multiLine}), it must not be blank
	 * @param now the current time
	 */
	public void reject(String reason, Instant now) {
		requireStatus(OrganisationStatus.REGISTERED);
		String why = requireReason(reason);
		changeStatus(OrganisationStatus.REJECTED, why, now);
		record(new OrganisationRejected(this.id, why, now));
	}

	/**
	 * Suspends an approved organisation. Precondition: status is APPROVED.
	 * @param reason why, shown to the organisation; cleaned ({@link Texts#multiLine}), it must not be blank
	 * @param now the current time
	 */
	public void suspend(String reason, Instant now) {
		requireStatus(OrganisationStatus.APPROVED);
		String why = requireReason(reason);
		changeStatus(OrganisationStatus.SUSPENDED, why, now);
		record(new OrganisationSuspended(this.id, why, now));
	}

	/**
	 * Reactivates a suspended organisation, which becomes approved again. Precondition: status is SUSPENDED.
	 * @param now the current time
	 */
	public void reactivate(Instant now) {
		requireStatus(OrganisationStatus.SUSPENDED);
		changeStatus(OrganisationStatus.APPROVED, null, now);
		record(new OrganisationReactivated(this.id, now));
	}

	/**
	 * Adds a person. Precondition: the person is not a member yet.
	 * @param personId the person
	 * @param role their role
	 * @param now the current time
	 */
	public void join(String personId, MembershipRole role, Instant now) {
		if (roleOf(personId).isPresent()) {
			throw Refusal.of(Reason.CONFLICT, "already-member");
		}
		this.members.add(new Member(personId, role, now));
		record(new MembershipJoined(this.id, personId, role, now));
	}

	/**
	 * Finishes a join that an accepted invitation started: adds the person, unless an earlier attempt at the same
	 * acceptance already did (then nothing changes). Precondition: the first attempt went through {@link #join},
	 * which refuses an existing member, before the invitation recorded whom it was accepted for.
	 * @param personId the person the invitation was accepted for
	 * @param role the role offered
	 * @param now the current time
	 */
	public void completeJoin(String personId, MembershipRole role, Instant now) {
		if (roleOf(personId).isEmpty()) {
			join(personId, role, now);
		}
	}

	/**
	 * Changes a member's role. Preconditions: the person is a member; the organisation keeps a manager.
	 * @param personId the member
	 * @param role the new role
	 * @param now the current time
	 */
	public void changeRole(String personId, MembershipRole role, Instant now) {
		Member member = requireMember(personId);
		if (member.role() == role) {
			return;
		}
		if (member.role() == MembershipRole.MANAGER) {
			requireAnotherManager(personId);
		}
		this.members.replaceAll((m) -> m.personId().equals(personId) ? new Member(personId, role, m.joinedAt()) : m);
		record(new MembershipRoleChanged(this.id, personId, role, member.role(), now));
	}

	/**
	 * Removes a member. Preconditions: the person is a member; the organisation keeps a manager.
	 * @param personId the member
	 * @param now the current time
	 */
	public void remove(String personId, Instant now) {
		Member member = requireMember(personId);
		if (member.role() == MembershipRole.MANAGER) {
			requireAnotherManager(personId);
		}
		this.members.removeIf((m) -> m.personId().equals(personId));
		record(new MembershipLeft(this.id, personId, now));
	}

	/**
	 * Refuses what only an organisation in good standing may do (e.g. inviting people).
	 * @throws Refusal {@code organisation-status} unless the organisation is APPROVED
	 */
	public void requireApproved() {
		requireStatus(OrganisationStatus.APPROVED);
	}

	/**
	 * Tells the role a person holds here.
	 * @param personId the person
	 * @return their role, empty if they are not a member
	 */
	public Optional<MembershipRole> roleOf(String personId) {
		return this.members.stream().filter((m) -> m.personId().equals(personId)).map(Member::role).findFirst();
	}

	private Member requireMember(String personId) {
		return this.members.stream()
			.filter((m) -> m.personId().equals(personId))
			.findFirst()
			.orElseThrow(() -> Refusal.of(Reason.NOT_FOUND, "member-not-found"));
	}

	private void requireAnotherManager(String personId) {
		boolean another = this.members.stream()
			.anyMatch((m) -> m.role() == MembershipRole.MANAGER && !m.personId().equals(personId));
		if (!another) {
			throw Refusal.of(Reason.UNPROCESSABLE, "last-manager");
		}
	}

	private void requireStatus(OrganisationStatus expected) {
		if (this.status != expected) {
			throw Refusal.of(Reason.CONFLICT, "organisation-status", this.status.name(), expected.name());
		}
	}

	/** A reason as the organisation will read it: lines kept, control and direction characters removed. */
	private static String requireReason(String reason) {
		String why = Texts.multiLine(reason);
		if (why.isEmpty()) {
			throw Refusal.invalidField("reason-required", "reason");
		}
		return why;
	}

	private void changeStatus(OrganisationStatus next, @Nullable String reason, Instant now) {
		this.status = next;
		this.statusReason = reason;
		this.statusChangedAt = now;
	}

	@Override
	public String id() {
		return this.id;
	}

	/** @return the profile */
	public OrganisationProfile profile() {
		return this.profile;
	}

	/** @return the status */
	public OrganisationStatus status() {
		return this.status;
	}

	/** @return the reason of the last rejection or suspension, if the status carries one */
	public @Nullable String statusReason() {
		return this.statusReason;
	}

	/** @return when it registered */
	public Instant registeredAt() {
		return this.registeredAt;
	}

	/** @return when its status last changed */
	public Instant statusChangedAt() {
		return this.statusChangedAt;
	}

	/** @return its members */
	public List<Member> members() {
		return List.copyOf(this.members);
	}

}
