/** Keeps the organisations read model in the {@code organisations} collection. */
@NullMarked
package org.mutualis.listings.organisation.persistence;

import org.jspecify.annotations.NullMarked;
