package org.mutualis.listings.web;

import java.util.List;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mutualis.listings.listing.Listing;
import org.mutualis.listings.listing.ListingState;
import org.mutualis.listings.listing.Transition;

/** Maps listings to the views every feature's endpoints answer with. */
@Mapper
public interface ListingViews {

	/**
	 * The view of a listing at its stored version.
	 * @param listing the listing
	 * @return its view, contact included
	 */
	default ListingView toView(Listing listing) {
		return toView(listing.state(), listing.version());
	}

	/**
	 * The view of a listing's state.
	 * @param state the state
	 * @param version the stored version
	 * @return the view
	 */
	@Mapping(target = ".", source = "state.details")
	@Mapping(target = "photos", expression = "java(photos(state))")
	ListingView toView(ListingState state, long version);

	/**
	 * The views of an audit trail.
	 * @param history the transitions
	 * @return their views
	 */
	List<TransitionView> toViews(List<Transition> history);

	/**
	 * The view of one transition.
	 * @param transition the transition
	 * @return its view
	 */
	TransitionView toView(Transition transition);

	/**
	 * The photos of a listing with the addresses that serve them.
	 * @param state the listing's state
	 * @return the photo views, cover first
	 */
	default List<ListingView.PhotoView> photos(ListingState state) {
		String base = "/api/listings/" + state.id() + "/photos/";
		return state.photos()
			.stream()
			.map((photo) -> new ListingView.PhotoView(photo.id(), photo.contentType(), base + photo.id(),
					base + photo.id() + "?size=thumbnail"))
			.toList();
	}

}
