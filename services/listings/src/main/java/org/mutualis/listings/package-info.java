/** The listings service: the resources organisations offer, their moderation and search. */
@NullMarked
package org.mutualis.listings;

import org.jspecify.annotations.NullMarked;
