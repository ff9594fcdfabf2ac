package org.mutualis.listings.report;

/** A fact about a report that other services learn through {@code mutualis.listings.v1}, keyed by the report id. */
public sealed interface ReportEvent permits ListingReported, ReportResolved {

	/** @return the report the fact is about */
	String reportId();

}
