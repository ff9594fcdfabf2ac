/** Tells the other organisation of each new message (from mutualis.conversations.v1), each event once. */
@NullMarked
package org.mutualis.notifications.conversation.messaging;

import org.jspecify.annotations.NullMarked;
