/** Usage figures for the regional hub's impact report, from completed bookings. */
@NullMarked
package org.mutualis.booking.impact;

import org.jspecify.annotations.NullMarked;
