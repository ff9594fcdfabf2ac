package org.mutualis.listings.listing;

/** How the owner recovers the cost of lending. */
public enum CostMode {

	/** Lent for nothing. */
	FREE,
	/** A cost-recovery rate in Canadian dollars per unit. */
	RATE,
	/** The two organisations agree on compensation between themselves. */
	TO_AGREE

}
