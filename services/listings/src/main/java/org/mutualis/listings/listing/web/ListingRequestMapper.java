package org.mutualis.listings.listing.web;

import org.mapstruct.Mapper;
import org.mutualis.listings.listing.ListingDetails;

/** Maps a manager's listing request to the listing's content. */
@Mapper
interface ListingRequestMapper {

	ListingDetails toDetails(ListingRequest request);

}
