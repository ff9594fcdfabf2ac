package org.mutualis.platform.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.mutualis.platform.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/** Answers a missing or invalid token with 401 and a forbidden call with 403, both as problem details. */
public class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final Problems problems;

	private final JsonMapper mapper;

	private final LocaleResolver locales;

	/**
	 * Creates the handlers.
	 * @param problems problem builder
	 * @param mapper JSON mapper
	 * @param locales resolves the caller's language
	 */
	public ProblemSecurityHandlers(Problems problems, JsonMapper mapper, LocaleResolver locales) {
		this.problems = problems;
		this.mapper = mapper;
		this.locales = locales;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		response.setHeader("WWW-Authenticate", "Bearer");
		write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		write(request, response, HttpStatus.FORBIDDEN, "forbidden");
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatusCode status, String type)
			throws IOException {
		ProblemDetail problem = this.problems.build(status, type, "problem." + type, new Object[0],
				this.locales.resolveLocale(request));
		problem.setInstance(java.net.URI.create(request.getRequestURI()));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(this.mapper.writeValueAsString(problem));
	}

}
