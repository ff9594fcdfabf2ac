/**
 * Stores listings with their outbox events through the platform's aggregate store, and names their events on the
 * wire.
 */
@NullMarked
package org.mutualis.listings.listing.persistence;

import org.jspecify.annotations.NullMarked;
