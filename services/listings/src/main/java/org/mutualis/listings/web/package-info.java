/**
 * The HTTP representation of a listing (view, audit trail, version as {@code ETag}) shared by every feature whose
 * endpoints answer with a listing.
 */
@NullMarked
package org.mutualis.listings.web;

import org.jspecify.annotations.NullMarked;
