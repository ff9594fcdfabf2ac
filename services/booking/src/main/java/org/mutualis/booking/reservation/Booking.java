package org.mutualis.booking.reservation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.mutualis.booking.listing.BookingMode;
import org.mutualis.platform.aggregate.AggregateRoot;

/**
 * A booking of a listing's units for a time, between a borrowing and an owning organisation. Lifecycle: REQUESTED →
 * CONFIRMED, DECLINED or EXPIRED; CONFIRMED → CANCELLED, COMPLETED or NO_SHOW; a pending request can also be
 * cancelled, and the owner can propose another time, which the requester accepts (→ CONFIRMED) or declines
 * (→ CANCELLED). Each transition checks its precondition ({@link BookingLifecycle}), changes the state and records
 * one event.
 */
public final class Booking extends AggregateRoot<BookingEvent> {

	private static final BookingLifecycle LIFECYCLE = new BookingLifecycle();

	private final String id;

	private final BookingTerms terms;

	private final String requesterId;

	private final int quantity;

	private TimeRange range;

	private BookingStatus status;

	private final @Nullable String message;

	private final Instant requestedAt;

	private @Nullable Instant expiresAt;

	private @Nullable Proposal proposal;

	private final @Nullable String seriesId;

	private @Nullable String reason;

	private @Nullable String decidedBy;

	private @Nullable Instant reminderSentAt;

	private final @Nullable String quotaKey;

	private Instant changedAt;

	private final @Nullable String waitlistEntryId;

	private boolean offerPending;

	private final @Nullable String requestDigest;

	private Booking(BookingState state, long version) {
		super(version);
		this.id = state.id();
		this.terms = state.terms();
		this.requesterId = state.requesterId();
		this.quantity = state.quantity();
		this.range = new TimeRange(state.start(), state.end());
		this.status = state.status();
		this.message = state.message();
		this.requestedAt = state.requestedAt();
		this.expiresAt = state.expiresAt();
		this.proposal = state.proposal();
		this.seriesId = state.seriesId();
		this.reason = state.reason();
		this.decidedBy = state.decidedBy();
		this.reminderSentAt = state.reminderSentAt();
		this.quotaKey = state.quotaKey();
		this.changedAt = state.changedAt();
		this.waitlistEntryId = state.waitlistEntryId();
		this.offerPending = state.offerPending();
		this.requestDigest = state.requestDigest();
	}

	/**
	 * Records a new request whose units the listing's occupancy already holds. An instant listing's request is
	 * confirmed at once; an approval request expires after {@code answerWithin}, and never later than its start.
	 * @param id booking id (also the id of its hold in the occupancy)
	 * @param terms listing and organisations as they are now
	 * @param requesterId the person asking
	 * @param quantity units taken
	 * @param range the time
	 * @param message the requester's note
	 * @param seriesId the series it belongs to
	 * @param quotaKey the monthly quota counter it took a place in
	 * @param now the current time
	 * @param answerWithin how long the owner has to answer
	 * @return the booking
	 */
	public static Booking request(String id, BookingTerms terms, String requesterId, int quantity, TimeRange range,
			@Nullable String message, @Nullable String seriesId, @Nullable String quotaKey, Instant now,
			Duration answerWithin) {
		return request(id, terms, requesterId, quantity, range, message, seriesId, quotaKey, now, answerWithin, null);
	}

	/**
	 * Records a new request made with an idempotency key, remembering a digest of what was asked (see
	 * {@link #request(String, BookingTerms, String, int, TimeRange, String, String, String, Instant, Duration)}).
	 * @param id booking id (also the id of its hold in the occupancy)
	 * @param terms listing and organisations as they are now
	 * @param requesterId the person asking
	 * @param quantity units taken
	 * @param range the time
	 * @param message the requester's note
	 * @param seriesId the series it belongs to
	 * @param quotaKey the monthly quota counter it took a place in
	 * @param now the current time
	 * @param answerWithin how long the owner has to answer
	 * @param requestDigest the digest of the request, or {@code null} without an idempotency key
	 * @return the booking
	 */
	public static Booking request(String id, BookingTerms terms, String requesterId, int quantity, TimeRange range,
			@Nullable String message, @Nullable String seriesId, @Nullable String quotaKey, Instant now,
			Duration answerWithin, @Nullable String requestDigest) {
		Instant expiry = (terms.mode() == BookingMode.APPROVAL) ? range.cappedAtStart(now.plus(answerWithin)) : null;
		Booking booking = new Booking(new BookingState(id, terms, requesterId, quantity, range.start(), range.end(),
				BookingStatus.REQUESTED, message, now, expiry, null, seriesId, null, null, null, quotaKey, now, null, false,
				requestDigest), NEW);
		booking.record(BookingRequested.of(booking.facts(now), terms.mode().name(), message, expiry));
		if (terms.mode() == BookingMode.INSTANT) {
			booking.status = BookingStatus.CONFIRMED;
			booking.record(BookingConfirmed.of(booking.facts(now), null));
		}
		return booking;
	}

	/**
	 * Offers freed time to the first matching waiting-list entry: a pending booking whose units the occupancy already
	 * holds for the borrower until the offer expires (never later than its start).
	 * @param id booking id
	 * @param terms listing and organisations as they are now
	 * @param requesterId the person who joined the waiting list
	 * @param quantity units
	 * @param range the time
	 * @param waitlistEntryId the entry
	 * @param quotaKey the monthly quota counter it took a place in
	 * @param now the current time
	 * @param holdFor how long the offer holds the time
	 * @return the booking
	 */
	public static Booking offerFromWaitlist(String id, BookingTerms terms, String requesterId, int quantity,
			TimeRange range, String waitlistEntryId, @Nullable String quotaKey, Instant now, Duration holdFor) {
		Instant holdUntil = range.cappedAtStart(now.plus(holdFor));
		Booking booking = new Booking(new BookingState(id, terms, requesterId, quantity, range.start(), range.end(),
				BookingStatus.REQUESTED, null, now, holdUntil, null, null, null, null, null, quotaKey, now,
				waitlistEntryId, true, null), NEW);
		booking.record(BookingWaitlistOffered.of(booking.facts(now), waitlistEntryId, holdUntil));
		return booking;
	}

	/**
	 * The borrower takes a waiting-list offer: it becomes an ordinary request, confirmed at once for an instant
	 * listing, otherwise waiting for the owner. Precondition: a pending offer.
	 * @param personId the borrower's member or manager
	 * @param now the current time
	 * @param answerWithin how long the owner has to answer
	 */
	public void acceptOffer(String personId, Instant now, Duration answerWithin) {
		LIFECYCLE.offerAcceptable(state()).orRefuse();
		this.offerPending = false;
		this.changedAt = now;
		if (this.terms.mode() == BookingMode.INSTANT) {
			this.status = BookingStatus.CONFIRMED;
			this.expiresAt = null;
			this.decidedBy = personId;
			record(BookingConfirmed.of(facts(now), null));
			return;
		}
		this.expiresAt = this.range.cappedAtStart(now.plus(answerWithin));
		record(BookingRequested.of(facts(now), this.terms.mode().name(), this.message, this.expiresAt));
	}

	/** @return whether it is a waiting-list offer not accepted yet */
	public boolean isOfferPending() {
		return this.offerPending;
	}

	/**
	 * Restores a stored booking.
	 * @param state what was stored
	 * @param version the stored version
	 * @return the booking
	 */
	public static Booking restore(BookingState state, long version) {
		return new Booking(state, version);
	}

	/** @return what is stored and shown */
	public BookingState state() {
		return new BookingState(this.id, this.terms, this.requesterId, this.quantity, this.range.start(), this.range.end(),
				this.status, this.message, this.requestedAt, this.expiresAt, this.proposal, this.seriesId, this.reason,
				this.decidedBy, this.reminderSentAt, this.quotaKey, this.changedAt, this.waitlistEntryId, this.offerPending,
				this.requestDigest);
	}

	@Override
	public String id() {
		return this.id;
	}

	/** @return the listing and both organisations as they were at the request */
	public BookingTerms terms() {
		return this.terms;
	}

	/** @return its status */
	public BookingStatus status() {
		return this.status;
	}

	/** @return its time */
	public TimeRange range() {
		return this.range;
	}

	/** @return units taken */
	public int quantity() {
		return this.quantity;
	}

	/** @return the owner's pending counter-proposal, if any */
	public @Nullable Proposal proposal() {
		return this.proposal;
	}

	/** @return the monthly quota counter it holds a place in, if any */
	public @Nullable String quotaKey() {
		return this.quotaKey;
	}

	/**
	 * Tells whether a retry with the same idempotency key asks the same as the request that created this booking.
	 * @param digest the retry's digest
	 * @return {@code true} when it is the same request, or when no digest was kept (bookings made before digests)
	 */
	public boolean madeBy(String digest) {
		return this.requestDigest == null || this.requestDigest.equals(digest);
	}

	/** @return the time its units occupy: its range widened by the listing's buffers */
	public TimeRange occupied() {
		return this.terms.occupied(this.range);
	}

	/**
	 * Confirms a pending request. Precondition: REQUESTED without a pending counter-proposal.
	 * @param personId the owner's manager
	 * @param now the current time
	 */
	public void confirm(String personId, Instant now) {
		LIFECYCLE.confirmable(state()).orRefuse();
		this.status = BookingStatus.CONFIRMED;
		this.decidedBy = personId;
		this.changedAt = now;
		record(BookingConfirmed.of(facts(now), personId));
	}

	/**
	 * Declines a pending request. Precondition: REQUESTED.
	 * @param personId the owner's manager
	 * @param why the reason given to the requester
	 * @param now the current time
	 */
	public void decline(String personId, String why, Instant now) {
		LIFECYCLE.pending(state()).orRefuse();
		this.status = BookingStatus.DECLINED;
		this.reason = why;
		this.decidedBy = personId;
		this.proposal = null;
		this.changedAt = now;
		record(BookingDeclined.of(facts(now), why, personId));
	}

	/**
	 * Lets an unanswered request lapse. Precondition: REQUESTED and its expiry has come.
	 * @param now the current time
	 */
	public void expire(Instant now) {
		LIFECYCLE.expirable(state(), now).orRefuse();
		this.status = BookingStatus.EXPIRED;
		this.proposal = null;
		this.changedAt = now;
		record(BookingExpired.of(facts(now)));
	}

	/**
	 * Cancels the booking. Precondition: REQUESTED or CONFIRMED, before the start and, once confirmed, before the
	 * cancellation notice.
	 * @param side who cancels
	 * @param personId the person
	 * @param why the reason given to the other side
	 * @param now the current time
	 */
	public void cancel(Side side, String personId, String why, Instant now) {
		LIFECYCLE.cancellable(state(), now).orRefuse();
		this.status = BookingStatus.CANCELLED;
		this.reason = why;
		this.decidedBy = personId;
		this.proposal = null;
		this.changedAt = now;
		record(BookingCancelled.of(facts(now), why, side.name(), personId));
	}

	/**
	 * Proposes another time for a pending request. Precondition: REQUESTED. The proposed time must already have
	 * passed the listing's rules; its units are taken only when the requester accepts.
	 * @param personId the owner's manager
	 * @param time the proposed time
	 * @param note the owner's note
	 * @param now the current time
	 */
	public void proposeOtherTime(String personId, TimeRange time, @Nullable String note, Instant now) {
		LIFECYCLE.proposable(state(), time).orRefuse();
		this.proposal = new Proposal(time, note, personId, now);
		this.changedAt = now;
		String zone = this.terms.timeZone();
		record(BookingCounterProposed.of(facts(now), time.start(), time.end(), BookingFacts.local(time.start(), zone),
				BookingFacts.local(time.end(), zone), note, personId));
	}

	/**
	 * Accepts the owner's proposal: the booking moves to the proposed time and is confirmed. Precondition: REQUESTED
	 * with a proposal, and the occupancy already moved its units.
	 * @param personId the requester's side
	 * @param now the current time
	 */
	public void acceptProposal(String personId, Instant now) {
		LIFECYCLE.proposalAnswerable(state()).orRefuse();
		this.range = Objects.requireNonNull(this.proposal).range();
		this.proposal = null;
		this.status = BookingStatus.CONFIRMED;
		this.decidedBy = personId;
		this.changedAt = now;
		record(BookingConfirmed.of(facts(now), personId));
	}

	/**
	 * Declines the owner's proposal, which withdraws the request. Precondition: REQUESTED with a proposal.
	 * @param personId the requester's side
	 * @param why the reason given to the owner
	 * @param now the current time
	 */
	public void declineProposal(String personId, String why, Instant now) {
		LIFECYCLE.proposalAnswerable(state()).orRefuse();
		this.proposal = null;
		cancel(Side.BORROWER, personId, why, now);
	}

	/**
	 * Records that the borrower did not come. Precondition: CONFIRMED and started.
	 * @param personId the owner's manager
	 * @param now the current time
	 */
	public void recordNoShow(String personId, Instant now) {
		LIFECYCLE.noShowRecordable(state(), now).orRefuse();
		this.status = BookingStatus.NO_SHOW;
		this.decidedBy = personId;
		this.changedAt = now;
		record(BookingNoShow.of(facts(now), personId));
	}

	/**
	 * Completes a confirmed booking after its end, stating what the borrower owes. Precondition: CONFIRMED and ended.
	 * @param now the current time
	 */
	public void complete(Instant now) {
		LIFECYCLE.completable(state(), now).orRefuse();
		this.status = BookingStatus.COMPLETED;
		this.changedAt = now;
		BookingCost cost = BookingCost.of(this.terms, this.range, this.quantity);
		record(BookingCompleted.of(facts(now), this.terms.costMode(), cost.amountDue(), cost.marketValue(),
				cost.units().doubleValue(), cost.hours(), this.terms.mrc(), this.terms.ownerSector(),
				this.terms.borrowerSector()));
	}

	/**
	 * Announces that a confirmed booking starts soon, once. Precondition: CONFIRMED, not announced yet, the
	 * reminder time has come and the start has not.
	 * @param lead how long before the start reminders are due
	 * @param now the current time
	 */
	public void remind(Duration lead, Instant now) {
		LIFECYCLE.remindable(state(), lead, now).orRefuse();
		this.reminderSentAt = now;
		this.changedAt = now;
		record(BookingReminderDue.of(facts(now), this.range.start().minus(lead)));
	}

	/**
	 * Units booked in the listing's unit, times the quantity (see {@link BookingCost#units}).
	 * @return the units
	 */
	public BigDecimal bookedUnits() {
		return BookingCost.units(this.terms, this.range, this.quantity);
	}

	private BookingFacts facts(Instant now) {
		return BookingFacts.of(this.id, this.terms, this.requesterId, this.quantity, this.range, this.seriesId,
				this.status, now);
	}

}
