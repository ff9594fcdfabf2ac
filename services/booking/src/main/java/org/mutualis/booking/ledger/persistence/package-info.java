/** MongoDB storage of ledger entries. */
@NullMarked
package org.mutualis.booking.ledger.persistence;

import org.jspecify.annotations.NullMarked;
