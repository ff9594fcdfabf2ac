package org.mutualis.identity.token.server;

import org.springframework.security.core.AuthenticationException;

/** A right password for an account whose address is not proven yet; a new confirmation link is on its way. */
class UnverifiedSignIn extends AuthenticationException {

	private static final long serialVersionUID = 1L;

	UnverifiedSignIn() {
		super("the e-mail address is not confirmed yet");
	}

}
