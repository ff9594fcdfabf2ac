/** Feeds the impact figures from completed-booking events. */
@NullMarked
package org.mutualis.booking.impact.messaging;

import org.jspecify.annotations.NullMarked;
