package org.mutualis.notifications.conversation.application;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.mutualis.notifications.conversation.Conversation;
import org.mutualis.notifications.conversation.ConversationKind;
import org.mutualis.notifications.conversation.ConversationMessage;
import org.mutualis.notifications.conversation.ConversationState;
import org.mutualis.notifications.conversation.Conversations;
import org.mutualis.notifications.directory.Administrators;
import org.mutualis.notifications.directory.BookingDirectory;
import org.mutualis.notifications.directory.BookingParties;
import org.mutualis.notifications.directory.Listing;
import org.mutualis.notifications.directory.Listings;
import org.mutualis.notifications.directory.Organisation;
import org.mutualis.notifications.directory.Organisations;
import org.mutualis.notifications.inbox.WhoIsTold;
import org.mutualis.notifications.inbox.application.Notifying;
import org.mutualis.platform.aggregate.StaleVersion;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.security.Actor;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * What members of organisations do with conversations: post to a booking's thread or a listing inquiry (opening it
 * with the first message), reply, read, mark read and report. Only members of the two organisations reach a thread
 * (others get 404), and only an organisation the regional hub approved posts (others get 422
 * {@code organisation-not-approved}: registering an organisation must not be a way to write to every approved one's
 * members). A report tells every administrator, once per reporting organisation; administrators read a reported
 * thread and list the reported ones.
 */
@Service
public class Conversing {

	/** Most conversations listed at once. */
	public static final int MAX_LISTED = 100;

	/** The standing an organisation needs to post. */
	static final String APPROVED = "APPROVED";

	private static final int ATTEMPTS = 16;

	private final Conversations conversations;

	private final BookingDirectory bookings;

	private final Listings listings;

	private final Organisations organisations;

	private final Administrators administrators;

	private final WhoIsTold whoIsTold;

	private final Notifying notifying;

	private final Clock clock;

	Conversing(Conversations conversations, BookingDirectory bookings, Listings listings, Organisations organisations,
			Administrators administrators, WhoIsTold whoIsTold, Notifying notifying, Clock clock) {
		this.conversations = conversations;
		this.bookings = bookings;
		this.listings = listings;
		this.organisations = organisations;
		this.administrators = administrators;
		this.whoIsTold = whoIsTold;
		this.notifying = notifying;
		this.clock = clock;
	}

	/**
	 * Posts to a booking's conversation, opening it with the first message.
	 * @param actor a member of one of the booking's two organisations
	 * @param bookingId the booking
	 * @param text the message
	 * @return the conversation and the message
	 */
	public Posted postAboutBooking(Actor actor, String bookingId, String text) {
		String organisation = organisationOf(actor);
		BookingParties booking = this.bookings.find(bookingId)
			.filter((found) -> found.ownerOrganisationId().equals(organisation)
					|| found.borrowerOrganisationId().equals(organisation))
			.orElseThrow(() -> Refusal.of(Refusal.Reason.NOT_FOUND, "booking-not-found"));
		String id = Conversation.ofBooking(bookingId);
		return post(actor, organisation, id, text,
				() -> Conversation.open(id, ConversationKind.BOOKING, bookingId, booking.listingId(), booking.titleFr(),
						booking.titleEn(), booking.borrowerOrganisationId(), booking.ownerOrganisationId()));
	}

	/**
	 * Posts to the acting organisation's inquiry about a listing, opening it with the first message.
	 * @param actor a member of an organisation other than the owner
	 * @param listingId the listing
	 * @param text the message
	 * @return the conversation and the message
	 */
	public Posted askAboutListing(Actor actor, String listingId, String text) {
		String organisation = organisationOf(actor);
		Listing listing = this.listings.find(listingId)
			.orElseThrow(() -> Refusal.of(Refusal.Reason.NOT_FOUND, "listing-not-found"));
		if (listing.ownerOrganisationId().equals(organisation)) {
			throw Refusal.of(Refusal.Reason.UNPROCESSABLE, "inquiry-own-listing");
		}
		String id = Conversation.ofInquiry(listingId, organisation);
		return post(actor, organisation, id, text, () -> Conversation.open(id, ConversationKind.LISTING_INQUIRY, listingId,
				listingId, listing.titleFr(), listing.titleEn(), organisation, listing.ownerOrganisationId()));
	}

	/**
	 * Replies in an existing conversation.
	 * @param actor a member of one of its two organisations
	 * @param conversationId the conversation
	 * @param text the message
	 * @return the conversation and the message
	 */
	public Posted reply(Actor actor, String conversationId, String text) {
		return post(actor, organisationOf(actor), conversationId, text, null);
	}

	/**
	 * The conversations of the acting organisation, most recently active first.
	 * @param actor a member of an organisation
	 * @return them
	 */
	public List<Conversation> mine(Actor actor) {
		return this.conversations.of(organisationOf(actor), MAX_LISTED);
	}

	/**
	 * Reads a conversation.
	 * @param actor a member of one of its two organisations, or an administrator if it was reported
	 * @param conversationId the conversation
	 * @return it
	 */
	public Conversation read(Actor actor, String conversationId) {
		Conversation conversation = this.conversations.find(conversationId).orElseThrow(Conversing::notFound);
		boolean participant = actor.organisationId() != null && actor.actsFor(actor.organisationId())
				&& conversation.involves(actor.organisationId());
		if (participant || (actor.isAdmin() && conversation.reported())) {
			return conversation;
		}
		throw notFound();
	}

	/**
	 * Marks every message read for the acting organisation.
	 * @param actor a member of one of its two organisations
	 * @param conversationId the conversation
	 * @return it
	 */
	public Conversation markRead(Actor actor, String conversationId) {
		String organisation = organisationOf(actor);
		return change(conversationId, (conversation) -> conversation.read(organisation, actor.personId(),
				this.clock.instant()));
	}

	/**
	 * Reports a conversation to the administrators, who may then read it; each administrator is told in-app (and by
	 * e-mail as they chose), once per reporting organisation. Reporting it again changes nothing and tells nobody
	 * anew, but tells the administrators who were not told yet (should the first call have stopped between its two
	 * writes). From then on the reporting organisation's members get the thread's new messages in-app only (see
	 * {@code ConversationEvents}).
	 * @param actor a member of one of its two organisations
	 * @param conversationId the conversation
	 * @return it
	 */
	public Conversation report(Actor actor, String conversationId) {
		String organisation = organisationOf(actor);
		Conversation conversation = change(conversationId,
				(found) -> found.report(organisation, actor.personId(), this.clock.instant()));
		ConversationState.Report report = conversation.reportBy(organisation).orElseThrow();
		ConversationState state = conversation.state();
		// the report's id does not change when it is told again: notifications already written are skipped by id
		String reportId = "conversation-report|" + state.id() + "|" + organisation + "|" + report.at().toEpochMilli();
		String reporter = this.organisations.find(organisation).map(Organisation::name).orElse(null);
		this.notifying.tell(this.whoIsTold.conversationReported(reportId, state.id(),
				Map.of("fr", state.titleFr(), "en", state.titleEn()), this.administrators.personIds(), reporter,
				report.at()));
		return conversation;
	}

	/**
	 * A page of the reported conversations, most recently reported first, with the names of their organisations.
	 * @param actor an administrator
	 * @param page page number from 0; past the last page, an empty page
	 * @param size page size, at least 1; larger than {@link #MAX_LISTED} gives that many
	 * @return the page
	 */
	public Reported reported(Actor actor, int page, int size) {
		requireAdministrator(actor);
		if (page < 0) {
			throw Refusal.invalidField("page-invalid", "page");
		}
		if (size < 1) {
			throw Refusal.invalidField("page-size-invalid", "size", MAX_LISTED);
		}
		Conversations.Page found = this.conversations.reported(page, Math.min(size, MAX_LISTED));
		Map<String, String> names = new HashMap<>();
		for (Conversation conversation : found.items()) {
			ConversationState state = conversation.state();
			for (String organisation : List.of(state.requesterOrganisationId(), state.ownerOrganisationId())) {
				names.computeIfAbsent(organisation,
						(id) -> this.organisations.find(id).map(Organisation::name).orElse(""));
			}
		}
		return new Reported(found, Map.copyOf(names));
	}

	/**
	 * Refuses anyone but a platform administrator.
	 * @param actor the caller
	 * @throws Refusal 403 {@code administrator-required}
	 */
	public void requireAdministrator(Actor actor) {
		if (!actor.isAdmin()) {
			throw Refusal.of(Refusal.Reason.FORBIDDEN, "administrator-required");
		}
	}

	private Posted post(Actor actor, String organisation, String id, String text,
			@Nullable Supplier<Conversation> opening) {
		for (int attempt = 1;; attempt++) {
			Conversation conversation = this.conversations.find(id).orElse(null);
			if (conversation == null) {
				if (opening == null) {
					throw notFound();
				}
				conversation = opening.get();
			}
			if (!conversation.involves(organisation)) {
				throw notFound();
			}
			requireApproved(organisation);
			ConversationMessage message = conversation.post(UUID.randomUUID().toString(), organisation,
					actor.personId(), text, this.clock.instant());
			try {
				this.conversations.save(conversation);
				return new Posted(conversation, message);
			}
			catch (StaleVersion | DuplicateKeyException ex) {
				// another message was posted meanwhile (or opened the thread): post after it
				if (attempt >= ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	private Conversation change(String id, java.util.function.Consumer<Conversation> change) {
		for (int attempt = 1;; attempt++) {
			Conversation conversation = this.conversations.find(id).orElseThrow(Conversing::notFound);
			change.accept(conversation);
			try {
				this.conversations.save(conversation);
				return conversation;
			}
			catch (StaleVersion ex) {
				if (attempt >= ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	/** Only an organisation the regional hub approved posts (and so opens threads), as it alone books. */
	private void requireApproved(String organisation) {
		boolean approved = this.organisations.find(organisation)
			.map(Organisation::status)
			.filter(APPROVED::equals)
			.isPresent();
		if (!approved) {
			throw Refusal.of(Refusal.Reason.UNPROCESSABLE, "organisation-not-approved");
		}
	}

	private static String organisationOf(Actor actor) {
		String organisation = actor.organisationId();
		if (organisation == null || !actor.actsFor(organisation)) {
			throw Refusal.of(Refusal.Reason.FORBIDDEN, "organisation-member-required");
		}
		return organisation;
	}

	private static Refusal notFound() {
		return Refusal.of(Refusal.Reason.NOT_FOUND, "conversation-not-found");
	}

	/**
	 * A message just posted.
	 * @param conversation its conversation, as saved
	 * @param message the message
	 */
	public record Posted(Conversation conversation, ConversationMessage message) {
	}

	/**
	 * A page of reported conversations.
	 * @param page the page
	 * @param organisationNames the name of each organisation of its conversations (empty when identity never said)
	 */
	public record Reported(Conversations.Page page, Map<String, String> organisationNames) {
	}

}
