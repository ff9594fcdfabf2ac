package org.mutualis.listings.web;

/** A request that must name the version it was prepared on ({@code If-Match}) and does not: {@code 428}. */
public final class PreconditionRequired extends RuntimeException {

	/** Creates the refusal. */
	public PreconditionRequired() {
		super("If-Match required");
	}

}
