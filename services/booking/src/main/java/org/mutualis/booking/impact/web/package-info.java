/** HTTP API of the impact figures, as JSON and CSV. */
@NullMarked
package org.mutualis.booking.impact.web;

import org.jspecify.annotations.NullMarked;
