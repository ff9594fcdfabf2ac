/** HTTP API of ledger statements, as JSON and CSV. */
@NullMarked
package org.mutualis.booking.ledger.web;

import org.jspecify.annotations.NullMarked;
