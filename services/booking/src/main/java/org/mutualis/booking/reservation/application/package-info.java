/** Application services of reservations: load, call the aggregate, save. */
@NullMarked
package org.mutualis.booking.reservation.application;

import org.jspecify.annotations.NullMarked;
