/** Stores photo bytes and thumbnails in GridFS. */
@NullMarked
package org.mutualis.listings.photo.persistence;

import org.jspecify.annotations.NullMarked;
