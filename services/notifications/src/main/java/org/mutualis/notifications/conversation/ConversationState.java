package org.mutualis.notifications.conversation;

import java.time.Instant;
import java.util.List;

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
 */
public record ConversationState(String id, ConversationKind kind, String subjectId, String listingId, String titleFr,
		String titleEn, String requesterOrganisationId, String ownerOrganisationId, List<ConversationMessage> messages,
		List<Read> reads, List<Seen> seen, boolean reported) {

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

}
