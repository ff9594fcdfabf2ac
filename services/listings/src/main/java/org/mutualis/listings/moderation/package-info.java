/** Moderation of listings by the platform's administrators. */
@NullMarked
package org.mutualis.listings.moderation;

import org.jspecify.annotations.NullMarked;
