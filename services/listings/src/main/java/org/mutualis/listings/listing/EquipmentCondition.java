package org.mutualis.listings.listing;

/** The state a piece of equipment is in. */
public enum EquipmentCondition {

	/** Never or barely used. */
	NEW,
	/** Used, fully working. */
	GOOD,
	/** Working, visibly used. */
	FAIR,
	/** Working with known limits, described by the owner. */
	WORN

}
