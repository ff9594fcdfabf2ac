package org.mutualis.listings.report.persistence;

import org.mutualis.listings.report.ListingReported;
import org.mutualis.listings.report.ReportEvent;
import org.mutualis.listings.report.ReportResolved;

/** The wire names of the report events; never derived from class names. */
final class ReportEventTypes {

	private ReportEventTypes() {
	}

	static String typeOf(ReportEvent event) {
		return switch (event) {
			case ListingReported reported -> "mutualis.listing.reported.v1";
			case ReportResolved resolved -> "mutualis.listing.report-resolved.v1";
		};
	}

}
