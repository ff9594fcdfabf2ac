package org.mutualis.identity.token.server;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/** Sends a failed sign-in back to the form, saying whether the account is locked, in the language of the form. */
class SignInFailureHandler implements AuthenticationFailureHandler {

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String outcome = (exception instanceof LockedException) ? "locked" : "error";
		String lang = request.getParameter("lang");
		String suffix = ("en".equals(lang) || "fr".equals(lang)) ? "&lang=" + lang : "";
		response.sendRedirect(request.getContextPath() + AuthorizationServerConfiguration.LOGIN_PAGE + "?" + outcome + suffix);
	}

}
