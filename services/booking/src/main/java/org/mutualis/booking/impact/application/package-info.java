/** Application services of the impact figures. */
@NullMarked
package org.mutualis.booking.impact.application;

import org.jspecify.annotations.NullMarked;
