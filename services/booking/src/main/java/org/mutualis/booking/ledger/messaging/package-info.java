/** Feeds the ledger from completed-booking events. */
@NullMarked
package org.mutualis.booking.ledger.messaging;

import org.jspecify.annotations.NullMarked;
