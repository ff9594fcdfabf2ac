/** MongoDB storage of calendar entries and feeds. */
@NullMarked
package org.mutualis.booking.calendar.persistence;

import org.jspecify.annotations.NullMarked;
