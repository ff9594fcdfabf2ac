package org.mutualis.identity.token.server;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/** Sends a failed sign-in back to the form, saying how long to wait when attempts are throttled, in the language of the form. */
class SignInFailureHandler implements AuthenticationFailureHandler {

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String outcome = (exception instanceof UnverifiedSignIn) ? "unverified" : "error";
		if (exception instanceof ThrottledSignIn throttled) {
			long seconds = Math.max(1, Duration.between(Instant.now(), throttled.until()).toSeconds() + 1);
			outcome = "throttled&wait=" + seconds;
		}
		String lang = request.getParameter("lang");
		String suffix = ("en".equals(lang) || "fr".equals(lang)) ? "&lang=" + lang : "";
		response.sendRedirect(request.getContextPath() + AuthorizationServerConfiguration.LOGIN_PAGE + "?" + outcome + suffix);
	}

}
