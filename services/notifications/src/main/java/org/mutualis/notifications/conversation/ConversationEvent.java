package org.mutualis.notifications.conversation;

/** What happens to a conversation, as its events tell other services. */
public sealed interface ConversationEvent permits MessagePosted {
}
