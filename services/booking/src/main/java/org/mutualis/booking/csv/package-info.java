/** RFC 4180 CSV text for the exports of the ledger and the impact figures. */
@NullMarked
package org.mutualis.booking.csv;

import org.jspecify.annotations.NullMarked;
