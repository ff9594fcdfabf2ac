package org.mutualis.listings.report;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The reports about listings. */
public interface Reports {

	/**
	 * Stores a new report unless its reporter already has an open report about the listing, or the reporter's
	 * organisation has filed its reports of the day; both are decided by the store's writes, not by a prior read.
	 * @param report the report
	 * @param perOrganisationPerDay how many reports an organisation may file per day (UTC)
	 * @return whether it was stored, and why not
	 */
	Admission add(Report report, int perOrganisationPerDay);

	/**
	 * Finds a report.
	 * @param id report id
	 * @return it, if it exists
	 */
	Optional<Report> find(String id);

	/**
	 * Stores the resolution of a report, with its event, if it is still at the version it was read at.
	 * @param resolved the report, resolved since it was read
	 * @return whether it was still unchanged (false: someone resolved it meanwhile)
	 */
	boolean resolve(Report resolved);

	/**
	 * Lists one page of the listings that have open reports.
	 * @param page page number, from 0
	 * @param size page size
	 * @return their ids, the one with the oldest open report first
	 */
	List<String> listingsWithOpenReports(int page, int size);

	/** @return how many listings have open reports */
	long countListingsWithOpenReports();

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

	/** Whether a new report was stored. */
	enum Admission {

		/** Stored. */
		ADMITTED,
		/** Not stored: the same person's report about the listing is still open. */
		ALREADY_OPEN,
		/** Not stored: the organisation filed all the reports it may file today. */
		DAILY_LIMIT_REACHED

	}

}
