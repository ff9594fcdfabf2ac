package org.mutualis.gateway.web;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers 404 problem+json for an {@code /api/**} path that no service route claims, instead of handing it to
 * the web UI's catch-all route.
 */
@Component
class UnknownApiPaths implements GlobalFilter, Ordered {

	/** Id of the catch-all route in {@code application.yml}. */
	static final String WEB_ROUTE = "web";

	private final ProblemResponses problems;

	UnknownApiPaths(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		if (route != null && WEB_ROUTE.equals(route.getId())
				&& exchange.getRequest().getPath().value().startsWith("/api/")) {
			return this.problems.write(exchange, HttpStatus.NOT_FOUND, "not-found", "problem.not-found");
		}
		return chain.filter(exchange);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
