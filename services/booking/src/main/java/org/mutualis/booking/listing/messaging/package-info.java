/** Applies listings' events to the listing read model. */
@NullMarked
package org.mutualis.booking.listing.messaging;

import org.jspecify.annotations.NullMarked;
