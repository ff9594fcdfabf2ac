package org.mutualis.notifications.conversation;

/** What a conversation is about. */
public enum ConversationKind {

	/** A booking, between the booking organisation and the listing's owner. */
	BOOKING,
	/** A listing, before any booking: an organisation asks its owner a question. */
	LISTING_INQUIRY

}
