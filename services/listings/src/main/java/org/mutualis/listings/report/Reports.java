package org.mutualis.listings.report;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The reports about listings. */
public interface Reports {

	/**
	 * Stores a new report.
	 * @param report the report
	 */
	void add(Report report);

	/**
	 * Finds a report.
	 * @param id report id
	 * @return it, if it exists
	 */
	Optional<Report> find(String id);

	/**
	 * Stores the resolution of a report that was still open.
	 * @param resolved the resolved report
	 * @return whether it was still open (false: someone resolved it meanwhile)
	 */
	boolean resolve(Report resolved);

	/** @return the open reports, oldest first */
	List<Report> open();

	/**
	 * Lists the reports about a listing.
	 * @param listingId the listing
	 * @return its reports, oldest first
	 */
	List<Report> about(String listingId);

	/**
	 * Lists the reports about several listings, in one read.
	 * @param listingIds the listings
	 * @return their reports, oldest first
	 */
	List<Report> about(Collection<String> listingIds);

}
