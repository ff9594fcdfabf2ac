/** The listing aggregate, its lifecycle, the rules it follows and the events it records. */
@NullMarked
package org.mutualis.listings.listing;

import org.jspecify.annotations.NullMarked;
