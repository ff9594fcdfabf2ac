/** Stores the listing read model in MongoDB. */
@NullMarked
package org.mutualis.booking.listing.persistence;

import org.jspecify.annotations.NullMarked;
