/** Conversations in MongoDB, saved with their events in one write (the platform's aggregate store). */
@NullMarked
package org.mutualis.notifications.conversation.persistence;

import org.jspecify.annotations.NullMarked;
