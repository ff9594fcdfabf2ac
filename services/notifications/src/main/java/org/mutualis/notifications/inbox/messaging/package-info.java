/** Turns booking, listing and organisation events into notifications, each event once, from the consumer's own record copies. */
@NullMarked
package org.mutualis.notifications.inbox.messaging;

import org.jspecify.annotations.NullMarked;
