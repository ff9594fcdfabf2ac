package org.mutualis.web.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A service could not be reached or failed: the person sees the 503 page, never a stack trace. */
public class ServiceUnavailable extends ResponseStatusException {

	ServiceUnavailable(String service, Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, service + " unavailable", cause);
	}

}
