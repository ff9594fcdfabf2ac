package org.mutualis.listings.listing;

/** What kind of resource a listing offers. */
public enum ListingKind {

	/** Hours of an employee of the owning organisation. */
	STAFF_TIME,
	/** A thing that can be lent: tools, vehicles, furniture, audio-visual gear. */
	EQUIPMENT,
	/** Know-how offered as advice or accompaniment. */
	EXPERTISE,
	/** A place: room, kitchen, gym, land, building. */
	SPACE;

	/** @return whether the resource is a person's time, so skills and languages describe it */
	public boolean isPeople() {
		return this == STAFF_TIME || this == EXPERTISE;
	}

}
