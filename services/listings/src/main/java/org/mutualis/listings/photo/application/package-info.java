/** Adds, orders, removes and serves the photos of listings, storing their bytes apart from the listing. */
@NullMarked
package org.mutualis.listings.photo.application;

import org.jspecify.annotations.NullMarked;
