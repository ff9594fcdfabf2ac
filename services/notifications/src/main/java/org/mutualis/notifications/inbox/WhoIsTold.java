package org.mutualis.notifications.inbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.mutualis.notifications.directory.Listing;
import org.mutualis.notifications.directory.Memberships;
import org.mutualis.notifications.preferences.Category;

/**
 * Who is told what: for each fact of the other services, the people who must learn it and the page it links to.
 * <ul>
 * <li>booking requested → the owning organisation's managers; confirmed, declined, expired, counter-proposed,
 * waitlist slot offered, completed → the requester; cancelled → the other side; reminder → both sides (the
 * requester and the owner's managers);</li>
 * <li>listing published, rejected, suspended → the owner's managers;</li>
 * <li>listing reported → the administrators (with the reporter's organisation and words) and the owner's managers
 * (the reason only); report resolved → the owner's managers (outcome, the administrator's note);</li>
 * <li>organisation approved, rejected → its managers;</li>
 * <li>conversation reported (by one of its two organisations) → the administrators, who may then read it.</li>
 * </ul>
 */
public final class WhoIsTold {

	private final Memberships memberships;

	/**
	 * Creates the policy.
	 * @param memberships who manages which organisation
	 */
	public WhoIsTold(Memberships memberships) {
		this.memberships = memberships;
	}

	/**
	 * The notice of a booking fact.
	 * @param booking the fact
	 * @return the notice, or empty for facts nobody is told of (a no-show is the owner's own record)
	 */
	public Optional<Notice> booking(BookingFact booking) {
		Addressee requester = new Addressee(booking.requesterId(), booking.ownerOrganisationName(),
				booking.borrowerLanguage());
		List<Addressee> owners = this.memberships.managersOf(booking.ownerOrganisationId())
			.stream()
			.map((person) -> new Addressee(person, booking.borrowerOrganisationName(), booking.ownerLanguage()))
			.toList();
		List<Addressee> to;
		Category category = Category.BOOKINGS;
		String kind = "booking." + booking.fact();
		switch (booking.fact()) {
			case "requested" -> to = owners;
			case "confirmed", "declined", "expired", "counter-proposed", "waitlist-offered", "completed" ->
				to = List.of(requester);
			case "cancelled" -> {
				boolean byOwner = "OWNER".equals(booking.cancelledBy());
				to = byOwner ? List.of(requester) : owners;
				kind = byOwner ? "booking.cancelled-by-owner" : "booking.cancelled-by-borrower";
			}
			case "reminder-due" -> {
				List<Addressee> both = new ArrayList<>(owners);
				if (owners.stream().noneMatch((owner) -> owner.personId().equals(booking.requesterId()))) {
					both.add(0, requester);
				}
				to = both;
				category = Category.REMINDERS;
			}
			default -> {
				return Optional.empty();
			}
		}
		return Optional.of(new Notice(booking.eventId(), kind, category, to, WebPaths.booking(booking.bookingId()),
				booking.listingId(), null, booking.listingTitle(), booking.localStart(), booking.localEnd(),
				booking.timeZone(), booking.text(), booking.occurredAt(), null));
	}

	/**
	 * The notice of a moderation decision on a listing.
	 * @param eventId the event's id
	 * @param fact {@code published}, {@code rejected} or {@code suspended}; other facts tell nobody
	 * @param listing notifications' copy of the listing (owner, title)
	 * @param reason the moderator's reason, if any
	 * @param at when it happened
	 * @return the notice for the owner's managers, or empty
	 */
	public Optional<Notice> listing(String eventId, String fact, Listing listing, @Nullable String reason, Instant at) {
		if (!List.of("published", "rejected", "suspended").contains(fact)) {
			return Optional.empty();
		}
		List<Addressee> managers = this.memberships.managersOf(listing.ownerOrganisationId())
			.stream()
			.map((person) -> new Addressee(person, null, null))
			.toList();
		return Optional.of(new Notice(eventId, "listing." + fact, Category.LISTINGS, managers,
				WebPaths.listing(listing.id()), listing.id(), null,
				Map.of("fr", listing.titleFr(), "en", listing.titleEn()), null, null, null, reason, at, null));
	}

	/**
	 * The notices of a new report about a listing: the administrators, who decide on it, learn who reported it and
	 * their words; the owner's managers learn that it was reported and why, not by whom. Someone who is both is told
	 * once, as an administrator.
	 * @param report the report
	 * @param administrators the administrators' person ids
	 * @param reporterOrganisationName the reporting organisation's name, if known
	 * @return the notice for the administrators, then the one for the owner's managers
	 */
	public List<Notice> reported(ReportFact report, List<String> administrators,
			@Nullable String reporterOrganisationName) {
		List<Addressee> admins = administrators.stream()
			.map((person) -> new Addressee(person, reporterOrganisationName, null))
			.toList();
		return List.of(
				new Notice(report.eventId(), "listing.report-received", Category.LISTINGS, admins, WebPaths.MODERATION,
						report.listingId(), null, report.listingTitle(), null, null, null, report.text(),
						report.occurredAt(), report.reason()),
				new Notice(report.eventId(), "listing.reported", Category.LISTINGS, ownersManagers(report),
						WebPaths.listing(report.listingId()), report.listingId(), null, report.listingTitle(), null, null,
						null, null, report.occurredAt(), report.reason()));
	}

	/**
	 * The notice of a report's resolution, for the owner's managers, with the administrator's note.
	 * @param report the report, its text being the note
	 * @param outcome {@code DISMISSED} or {@code ACTION_TAKEN}
	 * @return the notice
	 */
	public Notice reportResolved(ReportFact report, String outcome) {
		String kind = "ACTION_TAKEN".equals(outcome) ? "listing.report-action-taken" : "listing.report-dismissed";
		return new Notice(report.eventId(), kind, Category.LISTINGS, ownersManagers(report),
				WebPaths.listing(report.listingId()), report.listingId(), null, report.listingTitle(), null, null, null,
				report.text(), report.occurredAt(), report.reason());
	}

	private List<Addressee> ownersManagers(ReportFact report) {
		return this.memberships.managersOf(report.ownerOrganisationId())
			.stream()
			.map((person) -> new Addressee(person, null, null))
			.toList();
	}

	/**
	 * The notice of a new report of a conversation, for the administrators: which organisation reported the thread
	 * about which listing, linking to the thread (which they may read once it is reported). It is not about the
	 * conversation for muting and e-mail batching: an administrator who muted a thread is still told of a report, and
	 * each report gets its own e-mail.
	 * @param reportId stable id of the report (the thread, the reporting organisation and when): with each person
	 * it identifies the notification, so that telling again adds nothing
	 * @param conversationId the conversation
	 * @param listingTitle the listing's title by language ({@code fr}, {@code en})
	 * @param administrators the administrators' person ids
	 * @param reporterOrganisationName the reporting organisation's name, if known
	 * @param at when it was reported
	 * @return the notice
	 */
	public Notice conversationReported(String reportId, String conversationId, Map<String, String> listingTitle,
			List<String> administrators, @Nullable String reporterOrganisationName, Instant at) {
		List<Addressee> admins = administrators.stream()
			.map((person) -> new Addressee(person, reporterOrganisationName, null))
			.toList();
		return new Notice(reportId, "conversation.reported", Category.CONVERSATIONS, admins,
				WebPaths.conversation(conversationId), null, null, listingTitle, null, null, null, null, at, null);
	}

	/**
	 * The notice of a decision on an organisation's registration.
	 * @param eventId the event's id
	 * @param fact {@code approved} or {@code rejected}; other facts tell nobody
	 * @param organisationId the organisation
	 * @param organisationLanguage its language, for managers whose own is unknown
	 * @param reason the administrator's reason, if any
	 * @param at when it happened
	 * @return the notice for its managers, or empty
	 */
	public Optional<Notice> organisation(String eventId, String fact, String organisationId,
			@Nullable String organisationLanguage, @Nullable String reason, Instant at) {
		if (!List.of("approved", "rejected").contains(fact)) {
			return Optional.empty();
		}
		List<Addressee> managers = this.memberships.managersOf(organisationId)
			.stream()
			.map((person) -> new Addressee(person, null, organisationLanguage))
			.toList();
		return Optional.of(new Notice(eventId, "organisation." + fact, Category.ORGANISATION, managers,
				WebPaths.ORGANISATION, null, null, Map.of(), null, null, null, reason, at, null));
	}

}
