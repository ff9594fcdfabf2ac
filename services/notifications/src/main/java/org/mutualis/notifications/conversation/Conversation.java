package org.mutualis.notifications.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.mutualis.platform.aggregate.AggregateRoot;
import org.mutualis.platform.problem.Refusal;

/**
 * A conversation between two organisations about a booking or a listing. Only the two organisations post to it and
 * read it; each has its own read state; a participant may report it to the administrators, who may then read it. Each
 * organisation reports it once: reporting it again changes nothing.
 */
public final class Conversation extends AggregateRoot<ConversationEvent> {

	/** Most messages one conversation keeps (its document must stay well under the store's size limit). */
	public static final int MAX_MESSAGES = 1000;

	private final String id;

	private final ConversationKind kind;

	private final String subjectId;

	private final String listingId;

	private final String titleFr;

	private final String titleEn;

	private final String requesterOrganisationId;

	private final String ownerOrganisationId;

	private final List<ConversationMessage> messages;

	private final List<ConversationState.Read> reads;

	private final List<ConversationState.Seen> seen;

	private boolean reported;

	private final List<ConversationState.Report> reports;

	private @Nullable Instant reportedAt;

	private Conversation(ConversationState state, long version) {
		super(version);
		this.id = state.id();
		this.kind = state.kind();
		this.subjectId = state.subjectId();
		this.listingId = state.listingId();
		this.titleFr = state.titleFr();
		this.titleEn = state.titleEn();
		this.requesterOrganisationId = state.requesterOrganisationId();
		this.ownerOrganisationId = state.ownerOrganisationId();
		this.messages = new ArrayList<>(state.messages());
		this.reads = new ArrayList<>(state.reads());
		this.seen = new ArrayList<>(state.seen());
		this.reported = state.reported();
		this.reports = new ArrayList<>(state.reports());
		this.reportedAt = state.reportedAt();
	}

	/**
	 * The id of a booking's conversation.
	 * @param bookingId the booking
	 * @return its conversation's id
	 */
	public static String ofBooking(String bookingId) {
		return "booking:" + bookingId;
	}

	/**
	 * The id of an organisation's inquiry about a listing.
	 * @param listingId the listing
	 * @param askingOrganisationId the asking organisation
	 * @return the inquiry's id
	 */
	public static String ofInquiry(String listingId, String askingOrganisationId) {
		return "inquiry:" + listingId + ":" + askingOrganisationId;
	}

	/**
	 * Opens a conversation. Precondition: the two organisations differ.
	 * @param id its id ({@link #ofBooking}, {@link #ofInquiry})
	 * @param kind what it is about
	 * @param subjectId the booking or listing
	 * @param listingId the listing concerned
	 * @param titleFr the listing's French title
	 * @param titleEn the listing's English title
	 * @param requesterOrganisationId the booking or asking organisation
	 * @param ownerOrganisationId the listing's owner
	 * @return the new conversation
	 * @throws Refusal {@code conversation-with-itself} when both are the same organisation
	 */
	public static Conversation open(String id, ConversationKind kind, String subjectId, String listingId, String titleFr,
			String titleEn, String requesterOrganisationId, String ownerOrganisationId) {
		if (requesterOrganisationId.equals(ownerOrganisationId)) {
			throw Refusal.of(Refusal.Reason.UNPROCESSABLE, "conversation-with-itself");
		}
		return new Conversation(new ConversationState(id, kind, subjectId, listingId, titleFr, titleEn,
				requesterOrganisationId, ownerOrganisationId, List.of(), List.of(), List.of(), false, List.of(), null), NEW);
	}

	/**
	 * Restores a stored conversation.
	 * @param state its state
	 * @param version its version
	 * @return the conversation
	 */
	public static Conversation restore(ConversationState state, long version) {
		return new Conversation(state, version);
	}

	/** @return its state */
	public ConversationState state() {
		return new ConversationState(this.id, this.kind, this.subjectId, this.listingId, this.titleFr, this.titleEn,
				this.requesterOrganisationId, this.ownerOrganisationId, List.copyOf(this.messages), List.copyOf(this.reads),
				List.copyOf(this.seen), this.reported, List.copyOf(this.reports), this.reportedAt);
	}

	@Override
	public String id() {
		return this.id;
	}

	/**
	 * Tells whether an organisation is one of the two.
	 * @param organisationId the organisation
	 * @return whether it takes part
	 */
	public boolean involves(String organisationId) {
		return this.requesterOrganisationId.equals(organisationId) || this.ownerOrganisationId.equals(organisationId);
	}

	/**
	 * The other organisation. Precondition: the given one takes part.
	 * @param organisationId one of the two
	 * @return the other one
	 */
	public String otherThan(String organisationId) {
		return this.requesterOrganisationId.equals(organisationId) ? this.ownerOrganisationId
				: this.requesterOrganisationId;
	}

	/**
	 * Posts a message. Precondition: the organisation takes part; the thread is not full.
	 * @param messageId the new message's id
	 * @param organisationId the organisation the author speaks for
	 * @param authorId the author
	 * @param raw the text as typed
	 * @param now the current time
	 * @return the message as kept
	 * @throws Refusal {@code conversation-not-found} for an outsider, {@code conversation-full}, or the text's refusals
	 */
	public ConversationMessage post(String messageId, String organisationId, String authorId, String raw, Instant now) {
		requireParticipant(organisationId);
		if (this.messages.size() >= MAX_MESSAGES) {
			throw Refusal.of(Refusal.Reason.CONFLICT, "conversation-full", MAX_MESSAGES);
		}
		MessageText.Safe safe = MessageText.of(raw);
		ConversationMessage message = new ConversationMessage(messageId, organisationId, authorId, safe.text(),
				safe.links(), now);
		this.messages.add(message);
		markRead(organisationId, authorId, now);
		record(new MessagePosted(this.id, this.kind.name(), this.subjectId, this.listingId, messageId, organisationId,
				otherThan(organisationId), authorId, safe.text(), now));
		return message;
	}

	/**
	 * Notes that a person of an organisation read every message. Precondition: the organisation takes part.
	 * @param organisationId the organisation
	 * @param personId the person
	 * @param now the current time
	 */
	public void read(String organisationId, String personId, Instant now) {
		requireParticipant(organisationId);
		markRead(organisationId, personId, now);
	}

	/**
	 * Reports the conversation to the administrators, once per organisation. Precondition: the organisation takes part.
	 * @param organisationId the reporting organisation
	 * @param personId the member who reports it
	 * @param now the current time
	 * @return whether this is a new report (false when the organisation had reported it already)
	 * @throws Refusal {@code conversation-not-found} for an outsider
	 */
	public boolean report(String organisationId, String personId, Instant now) {
		requireParticipant(organisationId);
		if (reportBy(organisationId).isPresent()) {
			return false;
		}
		this.reports.add(new ConversationState.Report(organisationId, personId, now));
		this.reported = true;
		this.reportedAt = now;
		return true;
	}

	/**
	 * The report an organisation made of the thread.
	 * @param organisationId the organisation
	 * @return its report, if it made one
	 */
	public Optional<ConversationState.Report> reportBy(String organisationId) {
		return this.reports.stream().filter((report) -> report.organisationId().equals(organisationId)).findFirst();
	}

	/**
	 * Counts the messages an organisation has not read.
	 * @param organisationId the organisation
	 * @return how many
	 */
	public int unreadFor(String organisationId) {
		int upTo = this.reads.stream()
			.filter((read) -> read.organisationId().equals(organisationId))
			.mapToInt(ConversationState.Read::upTo)
			.findFirst()
			.orElse(0);
		return Math.max(0, this.messages.size() - upTo);
	}

	/**
	 * Tells whether a person read or wrote in the thread since a time.
	 * @param personId the person
	 * @param since the time
	 * @return whether they are active in it
	 */
	public boolean activeSince(String personId, Instant since) {
		return this.seen.stream().anyMatch((seen) -> seen.personId().equals(personId) && !seen.at().isBefore(since));
	}

	/** @return whether a participant reported it */
	public boolean reported() {
		return this.reported;
	}

	private void markRead(String organisationId, String personId, Instant now) {
		this.reads.removeIf((read) -> read.organisationId().equals(organisationId));
		this.reads.add(new ConversationState.Read(organisationId, this.messages.size()));
		this.seen.removeIf((seen) -> seen.personId().equals(personId));
		this.seen.add(new ConversationState.Seen(personId, now));
	}

	private void requireParticipant(String organisationId) {
		if (!involves(organisationId)) {
			throw Refusal.of(Refusal.Reason.NOT_FOUND, "conversation-not-found");
		}
	}

}
