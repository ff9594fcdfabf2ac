package org.mutualis.notifications.conversation;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A conversation as it is stored and shown.
 *
 * @param id {@code booking:<bookingId>} or {@code inquiry:<listingId>:<asking organisation>}
 * @param kind what it is about
 * @param subjectId the booking or listing
 * @param listingId the listing concerned
 * @param titleFr the listing's French title
 * @param titleEn the listing's English title
 * @param requesterOrganisationId the organisation that books or asks
 * @param ownerOrganisationId the organisation that owns the listing
 * @param messages the messages, oldest first
 * @param reads per organisation, how many messages it has read
 * @param seen per person, when they last read or wrote in the thread
 * @param reported whether a participant reported it to the administrators
 * @param reports the reports, one per reporting organisation, oldest first (empty in threads reported before they
 * were kept, which still say {@code reported})
 * @param reportedAt when it was last reported, if it was (what the administrators' list is sorted by)
 */
public record ConversationState(String id, ConversationKind kind, String subjectId, String listingId, String titleFr,
		String titleEn, String requesterOrganisationId, String ownerOrganisationId, List<ConversationMessage> messages,
		List<Read> reads, List<Seen> seen, boolean reported, List<Report> reports, @Nullable Instant reportedAt) {

	/**
	 * Copies the reports; a thread stored before reports were kept has none.
	 */
	public ConversationState {
		reports = (reports != null) ? List.copyOf(reports) : List.of();
	}

	/**
	 * How far an organisation has read.
	 * @param organisationId the organisation
	 * @param upTo how many messages it has read
	 */
	public record Read(String organisationId, int upTo) {
	}

	/**
	 * When a person last read or wrote in the thread.
	 * @param personId the person
	 * @param at when
	 */
	public record Seen(String personId, Instant at) {
	}

	/**
	 * A report of the thread to the administrators.
	 * @param organisationId the reporting organisation
	 * @param personId the member who reported it
	 * @param at when
	 */
	public record Report(String organisationId, String personId, Instant at) {
	}

}
