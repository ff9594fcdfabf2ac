/**
 * HTTP endpoints of a listing's content and lifecycle, with the request records that managers and administrators
 * send.
 */
@NullMarked
package org.mutualis.listings.listing.web;

import org.jspecify.annotations.NullMarked;
