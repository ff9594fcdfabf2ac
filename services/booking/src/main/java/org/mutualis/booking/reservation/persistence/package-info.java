/** Stores bookings, listing occupancy and monthly quotas in MongoDB. */
@NullMarked
package org.mutualis.booking.reservation.persistence;

import org.jspecify.annotations.NullMarked;
