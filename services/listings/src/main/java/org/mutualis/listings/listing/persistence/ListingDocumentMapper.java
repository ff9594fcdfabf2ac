package org.mutualis.listings.listing.persistence;

import org.mutualis.listings.listing.ListingSnapshot;
import org.mapstruct.Mapper;

/** Maps a listing's state to its stored document and back. */
@Mapper
interface ListingDocumentMapper {

	ListingDocument toDocument(ListingSnapshot snapshot);

	ListingSnapshot toSnapshot(ListingDocument document);

}
