/** HTTP API of calendar feeds and their iCalendar rendering. */
@NullMarked
package org.mutualis.booking.calendar.web;

import org.jspecify.annotations.NullMarked;
