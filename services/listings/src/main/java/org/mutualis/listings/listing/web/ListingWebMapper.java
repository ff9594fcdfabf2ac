package org.mutualis.listings.listing.web;

import java.util.List;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mutualis.listings.listing.ListingDetails;
import org.mutualis.listings.listing.ListingSnapshot;
import org.mutualis.listings.listing.Transition;

/** Maps listing requests to the domain and listings to views. */
@Mapper
public interface ListingWebMapper {

	ListingDetails toDetails(ListingRequest request);

	@Mapping(target = ".", source = "details")
	@Mapping(target = "photos", expression = "java(photos(snapshot))")
	@Mapping(target = "version", expression = "java(snapshot.version() == null ? 0L : snapshot.version())")
	ListingView toView(ListingSnapshot snapshot);

	List<TransitionView> toViews(List<Transition> history);

	TransitionView toView(Transition transition);

	default List<ListingView.PhotoView> photos(ListingSnapshot snapshot) {
		String base = "/api/listings/" + snapshot.id() + "/photos/";
		return snapshot.photos()
			.stream()
			.map((photo) -> new ListingView.PhotoView(photo.id(), photo.contentType(), base + photo.id(),
					base + photo.id() + "?size=thumbnail"))
			.toList();
	}

}
