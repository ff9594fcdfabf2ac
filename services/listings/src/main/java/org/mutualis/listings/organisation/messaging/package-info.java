/** Consumes identity's organisation events into the organisations read model, each applied once. */
@NullMarked
package org.mutualis.listings.organisation.messaging;

import org.jspecify.annotations.NullMarked;
