/** The cost-sharing ledger between organisations: who owes whom for completed bookings, and monthly statements. */
@NullMarked
package org.mutualis.booking.ledger;

import org.jspecify.annotations.NullMarked;
