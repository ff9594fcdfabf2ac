/** Applies identity's organisation events to the organisation read model. */
@NullMarked
package org.mutualis.booking.organisation.messaging;

import org.jspecify.annotations.NullMarked;
