package org.mutualis.identity.membership;

/** A fact about an invitation; these stay inside identity (no contract publishes them). */
public sealed interface InvitationEvent permits InvitationSent, InvitationAccepted, InvitationCompleted {

}
