/** Application services of calendar feeds: create, rotate, revoke and open them. */
@NullMarked
package org.mutualis.booking.calendar.application;

import org.jspecify.annotations.NullMarked;
