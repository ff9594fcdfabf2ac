package org.mutualis.identity.token.server;

import java.time.Instant;

import org.springframework.security.core.AuthenticationException;

/** A sign-in attempt refused unchecked because too many recent attempts failed; says until when to wait. */
class ThrottledSignIn extends AuthenticationException {

	private static final long serialVersionUID = 1L;

	private final transient Instant until;

	ThrottledSignIn(Instant until) {
		super("too many failed attempts; wait until " + until);
		this.until = until;
	}

	Instant until() {
		return this.until;
	}

}
