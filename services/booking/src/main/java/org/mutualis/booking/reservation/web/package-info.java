/** The HTTP API of reservations and availability. */
@NullMarked
package org.mutualis.booking.reservation.web;

import org.jspecify.annotations.NullMarked;
