/** Photos of listings: content checks, thumbnails and storage. */
@NullMarked
package org.mutualis.listings.photo;

import org.jspecify.annotations.NullMarked;
