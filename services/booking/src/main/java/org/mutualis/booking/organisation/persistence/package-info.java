/** Stores the organisation read model in MongoDB. */
@NullMarked
package org.mutualis.booking.organisation.persistence;

import org.jspecify.annotations.NullMarked;
