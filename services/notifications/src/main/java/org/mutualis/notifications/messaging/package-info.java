/**
 * Consumers of identity's and listings' topics, shared by features: each event updates the directory and, in the same
 * pass and in the topic's order, tells who must know; each consumer reads its own copies of the event records.
 */
@NullMarked
package org.mutualis.notifications.messaging;

import org.jspecify.annotations.NullMarked;
