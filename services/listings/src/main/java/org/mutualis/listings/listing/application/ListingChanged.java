package org.mutualis.listings.listing.application;

import org.mutualis.listings.listing.Listing;

/**
 * Told inside this service after a listing was saved, so that read models (the search index) follow.
 *
 * @param listing the listing as stored
 */
public record ListingChanged(Listing listing) {
}
