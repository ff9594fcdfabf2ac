package org.mutualis.gateway.web;

/** Signals that a request body grew past its cap while it was being streamed to a service. */
class PayloadTooLarge extends RuntimeException {

	PayloadTooLarge(long max) {
		super("Request body exceeds " + max + " bytes", null, false, false);
	}

}
