package org.mutualis.gateway.security;

import org.mutualis.gateway.web.ProblemResponses;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

/** Answers a missing or invalid token with 401 and a forbidden call with 403, both as problem details, never a redirect. */
class ProblemSecurityHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

	private final ProblemResponses problems;

	ProblemSecurityHandlers(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
		exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		return this.problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated", "problem.unauthenticated");
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		return this.problems.write(exchange, HttpStatus.FORBIDDEN, "forbidden", "problem.forbidden");
	}

}
