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
 * the web UI's catch-all route; likewise for {@code /actuator/**}: the gateway's own actuator answers before any
 * route (or, in production, only on its management port), and the web application's (health, Prometheus) is for
 * probes and scrapers inside the network, never for the public.
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
				&& isNotForTheWeb(exchange.getRequest().getPath().value())) {
			return this.problems.write(exchange, HttpStatus.NOT_FOUND, "not-found", "problem.not-found");
		}
		return chain.filter(exchange);
	}

	private static boolean isNotForTheWeb(String path) {
		return path.startsWith("/api/") || path.equals("/actuator") || path.startsWith("/actuator/");
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
