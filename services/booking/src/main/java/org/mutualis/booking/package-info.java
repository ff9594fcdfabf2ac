/** The booking service: availability, reservations and the cost-sharing ledger. */
@NullMarked
package org.mutualis.booking;

import org.jspecify.annotations.NullMarked;
