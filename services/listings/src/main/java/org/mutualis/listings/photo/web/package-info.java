/** HTTP endpoints to upload, order, delete and serve photos, with caching headers. */
@NullMarked
package org.mutualis.listings.photo.web;

import org.jspecify.annotations.NullMarked;
