package org.mutualis.identity.membership.persistence;

import org.mutualis.identity.membership.InvitationAccepted;
import org.mutualis.identity.membership.InvitationCompleted;
import org.mutualis.identity.membership.InvitationEvent;
import org.mutualis.identity.membership.InvitationSent;

/**
 * The type names of invitation events. They have no published contract: the {@code invitations} collection is not
 * relayed, so they stay in the document's outbox as its history until a contract publishes them.
 */
final class InvitationEventTypes {

	private InvitationEventTypes() {
	}

	static String typeOf(InvitationEvent event) {
		return switch (event) {
			case InvitationSent e -> "mutualis.invitation.sent.v1";
			case InvitationAccepted e -> "mutualis.invitation.accepted.v1";
			case InvitationCompleted e -> "mutualis.invitation.completed.v1";
		};
	}

}
