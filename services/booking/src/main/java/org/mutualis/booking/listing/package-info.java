/** What booking knows of listings: its own read model, fed by listings' events. */
@NullMarked
package org.mutualis.booking.listing;

import org.jspecify.annotations.NullMarked;
