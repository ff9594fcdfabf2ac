package org.mutualis.listings.listing.application;

import java.util.List;

import org.mutualis.listings.listing.Listing;

/**
 * One page of a list of listings.
 *
 * @param listings the listings on the page
 * @param page page number, from 0
 * @param size page size used
 * @param total how many listings the whole list holds
 */
public record ListingPage(List<Listing> listings, int page, int size, long total) {
}
