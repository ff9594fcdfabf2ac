package org.mutualis.identity.membership;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.mutualis.identity.common.Emails;
import org.mutualis.identity.organisation.MembershipRole;
import org.mutualis.platform.aggregate.AggregateRoot;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.problem.Refusal.Reason;

/**
 * An invitation a manager sends to join an organisation: single-use, valid for {@link #VALIDITY}; only a hash of
 * its secret is stored. Accepting it first records the person it is for, then completes once that person is a
 * member, so that an acceptance interrupted between the two can be finished by accepting again. It records no
 * events: nothing outside identity needs to know of invitations (what matters, a membership, is the organisation's
 * event), so none are published, and none are kept where they would never be.
 */
public final class Invitation extends AggregateRoot<Void> {

	/** How long an invitation stays valid. */
	public static final Duration VALIDITY = Duration.ofDays(7);

	/** Most invitations an organisation may send in {@link #LIMIT_PERIOD}: each one e-mails a name it chose. */
	public static final int DAILY_LIMIT = 30;

	/** The period {@link #DAILY_LIMIT} counts over. */
	public static final Duration LIMIT_PERIOD = Duration.ofDays(1);

	private final InvitationState sent;

	private @Nullable String acceptedBy;

	private @Nullable Instant acceptedAt;

	private @Nullable Instant completedAt;

	private @Nullable Instant withdrawnAt;

	private Invitation(InvitationState state, long version) {
		super(version);
		this.sent = state;
		this.acceptedBy = state.acceptedBy();
		this.acceptedAt = state.acceptedAt();
		this.completedAt = state.completedAt();
		this.withdrawnAt = state.withdrawnAt();
	}

	/**
	 * Creates an invitation.
	 * @param id new id
	 * @param organisationId the organisation
	 * @param email the address invited; must look like an e-mail address
	 * @param role the role offered
	 * @param secretHash hash of the secret that will be e-mailed
	 * @param invitedBy the inviting manager
	 * @param now the current time
	 * @return the invitation
	 */
	public static Invitation send(String id, String organisationId, String email, MembershipRole role,
			String secretHash, String invitedBy, Instant now) {
		return new Invitation(new InvitationState(id, organisationId, Emails.requireValid(email, "email"), role,
				secretHash, invitedBy, now, now.plus(VALIDITY), null, null, null, null), NEW);
	}

	/**
	 * Rebuilds an invitation from storage, without events.
	 * @param state the stored state
	 * @param version the stored version
	 * @return the invitation
	 */
	public static Invitation restore(InvitationState state, long version) {
		return new Invitation(state, version);
	}

	/** @return the current state, for storage and display */
	public InvitationState state() {
		InvitationState s = this.sent;
		return new InvitationState(s.id(), s.organisationId(), s.email(), s.role(), s.secretHash(), s.invitedBy(),
				s.createdAt(), s.expiresAt(), this.acceptedBy, this.acceptedAt, this.completedAt, this.withdrawnAt);
	}

	/**
	 * Accepts the invitation for a person. Preconditions: it is unused and unexpired, or an earlier acceptance for
	 * this same person has not completed yet (then nothing changes, even after expiry: the person was accepted in
	 * time).
	 * @param personId the person who is to join
	 * @param now the current time
	 */
	public void accept(String personId, Instant now) {
		if (isAcceptedFor(personId)) {
			return;
		}
		if (this.acceptedAt != null || this.completedAt != null || this.withdrawnAt != null
				|| !now.isBefore(this.sent.expiresAt())) {
			throw Refusal.of(Reason.UNPROCESSABLE, "invitation-invalid");
		}
		this.acceptedBy = personId;
		this.acceptedAt = now;
	}

	/**
	 * Uses the invitation up once the person it was accepted for has joined. Precondition: it was accepted and is
	 * not complete yet.
	 * @param now the current time
	 */
	public void complete(Instant now) {
		if (this.acceptedBy == null || this.completedAt != null) {
			throw Refusal.of(Reason.UNPROCESSABLE, "invitation-invalid");
		}
		this.completedAt = now;
	}

	/**
	 * Withdraws the invitation: its link stops working. Precondition: nobody accepted it yet (withdrawing twice
	 * changes nothing).
	 * @param now the current time
	 */
	public void withdraw(Instant now) {
		if (this.acceptedAt != null || this.completedAt != null) {
			throw Refusal.of(Reason.CONFLICT, "invitation-used");
		}
		if (this.withdrawnAt == null) {
			this.withdrawnAt = now;
		}
	}

	/**
	 * Tells whether the invitation still waits for its answer: not accepted, not withdrawn, not expired.
	 * @param now the current time
	 * @return whether its link still works
	 */
	public boolean isPending(Instant now) {
		return this.acceptedAt == null && this.completedAt == null && this.withdrawnAt == null
				&& now.isBefore(this.sent.expiresAt());
	}

	/**
	 * Tells whether an acceptance for this person was recorded and is still to be completed.
	 * @param personId the person
	 * @return whether accepting again for them would finish an earlier attempt
	 */
	public boolean isAcceptedFor(String personId) {
		return personId.equals(this.acceptedBy) && this.completedAt == null;
	}

	@Override
	public String id() {
		return this.sent.id();
	}

	/** @return the organisation */
	public String organisationId() {
		return this.sent.organisationId();
	}

	/** @return the address invited */
	public String email() {
		return this.sent.email();
	}

	/** @return the role offered */
	public MembershipRole role() {
		return this.sent.role();
	}

	/** @return the manager who sent it */
	public String invitedBy() {
		return this.sent.invitedBy();
	}

	/** @return when it stops working */
	public Instant expiresAt() {
		return this.sent.expiresAt();
	}

	/** @return the person it was accepted for, if it was */
	public @Nullable String acceptedBy() {
		return this.acceptedBy;
	}

	/** @return when the person joined and it was used up, if they did */
	public @Nullable Instant completedAt() {
		return this.completedAt;
	}

}
