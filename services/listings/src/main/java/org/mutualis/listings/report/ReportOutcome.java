package org.mutualis.listings.report;

/** How an administrator closed a report. */
public enum ReportOutcome {

	/** The report was not founded; nothing changed. */
	DISMISSED,
	/** The administrator acted on the listing (suspended, asked the owner to fix it). */
	ACTION_TAKEN

}
