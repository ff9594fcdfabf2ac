package org.mutualis.identity.region;

import java.util.List;
import java.util.Optional;

/** The regions and MRCs the platform serves; they are data, not code. */
public interface Regions {

	/** @return every region, with its MRCs */
	List<Region> all();

	/**
	 * Finds the region an MRC belongs to.
	 * @param mrc the MRC's name, exactly as listed
	 * @return its region, if the platform serves it
	 */
	Optional<Region> ofMrc(String mrc);

}
