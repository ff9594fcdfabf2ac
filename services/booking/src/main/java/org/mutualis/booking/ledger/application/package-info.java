/** Application services of the ledger: monthly statements. */
@NullMarked
package org.mutualis.booking.ledger.application;

import org.jspecify.annotations.NullMarked;
