/** Conversations between two organisations: one thread per booking and one per listing inquiry, plain-text messages, read state per organisation. */
@NullMarked
package org.mutualis.notifications.conversation;

import org.jspecify.annotations.NullMarked;
