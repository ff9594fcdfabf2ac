package org.mutualis.identity.organisation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.mutualis.identity.organisation.OrganisationEvent.MembershipJoined;
import org.mutualis.identity.organisation.OrganisationEvent.MembershipLeft;
import org.mutualis.identity.organisation.OrganisationEvent.MembershipRoleChanged;
import org.mutualis.identity.organisation.OrganisationEvent.OrganisationApproved;
import org.mutualis.identity.organisation.OrganisationEvent.OrganisationReactivated;
import org.mutualis.identity.organisation.OrganisationEvent.OrganisationRegistered;
import org.mutualis.identity.organisation.OrganisationEvent.OrganisationRejected;
import org.mutualis.identity.organisation.OrganisationEvent.OrganisationSuspended;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.problem.Refusal.Reason;

/**
 * An organisation, its approval lifecycle and its members; every transition checks its precondition, changes
 * state and records the event it causes. An organisation always keeps at least one manager.
 */
public final class Organisation {

	private final String id;

	private final OrganisationProfile profile;

	private OrganisationStatus status;

	private @Nullable String statusReason;

	private final Instant registeredAt;

	private Instant statusChangedAt;

	private final List<Member> members;

	private final long version;

	private final List<OrganisationEvent> events = new ArrayList<>();

	private Organisation(String id, OrganisationProfile profile, OrganisationStatus status, @Nullable String statusReason,
			Instant registeredAt, Instant statusChangedAt, List<Member> members, long version) {
		this.id = id;
		this.profile = profile;
		this.status = status;
		this.statusReason = statusReason;
		this.registeredAt = registeredAt;
		this.statusChangedAt = statusChangedAt;
		this.members = new ArrayList<>(members);
		this.version = version;
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
		Organisation organisation = new Organisation(id, profile, OrganisationStatus.REGISTERED, null, now, now,
				List.of(new Member(firstManagerId, MembershipRole.MANAGER, now)), 0);
		organisation.events.add(new OrganisationRegistered(id, profile.name(), profile.legalForm(), profile.sector(),
				profile.mrc(), profile.municipality(), profile.preferredLanguage(), now));
		organisation.events.add(new MembershipJoined(id, firstManagerId, MembershipRole.MANAGER, now));
		return organisation;
	}

	/**
	 * Rebuilds an organisation from storage, without events.
	 * @param state the stored state
	 * @return the organisation
	 */
	public static Organisation restore(OrganisationState state) {
		return new Organisation(state.id(), state.profile(), state.status(), state.statusReason(), state.registeredAt(),
				state.statusChangedAt(), state.members(), state.version());
	}

	/** @return the current state, for storage and display */
	public OrganisationState state() {
		return new OrganisationState(this.id, this.profile, this.status, this.statusReason, this.registeredAt,
				this.statusChangedAt, List.copyOf(this.members), this.version);
	}

	/**
	 * Approves a registered organisation. Precondition: status is REGISTERED.
	 * @param now the current time
	 */
	public void approve(Instant now) {
		requireStatus(OrganisationStatus.REGISTERED);
		changeStatus(OrganisationStatus.APPROVED, null, now);
		this.events.add(new OrganisationApproved(this.id, this.profile.name(), this.profile.mrc(),
				this.profile.municipality(), now));
	}

	/**
	 * Rejects a registered organisation. Precondition: status is REGISTERED.
	 * @param reason why, shown to the organisation
	 * @param now the current time
	 */
	public void reject(String reason, Instant now) {
		requireStatus(OrganisationStatus.REGISTERED);
		changeStatus(OrganisationStatus.REJECTED, requireReason(reason), now);
		this.events.add(new OrganisationRejected(this.id, reason.trim(), now));
	}

	/**
	 * Suspends an approved organisation. Precondition: status is APPROVED.
	 * @param reason why, shown to the organisation
	 * @param now the current time
	 */
	public void suspend(String reason, Instant now) {
		requireStatus(OrganisationStatus.APPROVED);
		changeStatus(OrganisationStatus.SUSPENDED, requireReason(reason), now);
		this.events.add(new OrganisationSuspended(this.id, reason.trim(), now));
	}

	/**
	 * Reactivates a suspended organisation, which becomes approved again. Precondition: status is SUSPENDED.
	 * @param now the current time
	 */
	public void reactivate(Instant now) {
		requireStatus(OrganisationStatus.SUSPENDED);
		changeStatus(OrganisationStatus.APPROVED, null, now);
		this.events.add(new OrganisationReactivated(this.id, now));
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
		this.events.add(new MembershipJoined(this.id, personId, role, now));
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
		this.events.add(new MembershipRoleChanged(this.id, personId, role, member.role(), now));
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
		this.events.add(new MembershipLeft(this.id, personId, now));
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

	private static String requireReason(String reason) {
		if (reason.isBlank()) {
			throw Refusal.invalidField("reason-required", "reason");
		}
		return reason.trim();
	}

	private void changeStatus(OrganisationStatus next, @Nullable String reason, Instant now) {
		this.status = next;
		this.statusReason = reason;
		this.statusChangedAt = now;
	}

	/**
	 * Hands over the events recorded since the organisation was loaded, and forgets them.
	 * @return the events, oldest first
	 */
	public List<OrganisationEvent> takeEvents() {
		List<OrganisationEvent> taken = List.copyOf(this.events);
		this.events.clear();
		return taken;
	}

	/** @return the events recorded and not yet taken */
	public List<OrganisationEvent> pendingEvents() {
		return List.copyOf(this.events);
	}

	/** @return the id */
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

	/** @return the stored version this object was loaded at */
	public long version() {
		return this.version;
	}

}
