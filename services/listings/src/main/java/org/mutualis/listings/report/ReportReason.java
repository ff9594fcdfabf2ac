package org.mutualis.listings.report;

/** Why a member reports a listing. */
public enum ReportReason {

	/** The description does not match the resource. */
	MISLEADING,
	/** The listing offers something not allowed on the platform. */
	PROHIBITED,
	/** Offensive or discriminatory content. */
	OFFENSIVE,
	/** The resource does not exist or is never available. */
	UNAVAILABLE,
	/** A safety concern about the resource. */
	SAFETY,
	/** Anything else, explained in the text. */
	OTHER

}
