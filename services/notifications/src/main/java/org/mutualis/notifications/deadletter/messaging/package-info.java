/** Consumes the dead-letter topics into the dead-letter collection. */
@NullMarked
package org.mutualis.notifications.deadletter.messaging;

import org.jspecify.annotations.NullMarked;
