/** MongoDB storage of the facts behind the impact figures. */
@NullMarked
package org.mutualis.booking.impact.persistence;

import org.jspecify.annotations.NullMarked;
