/** Keeps the categories in the {@code categories} collection and seeds the managed list at start-up. */
@NullMarked
package org.mutualis.listings.category.persistence;

import org.jspecify.annotations.NullMarked;
