package org.mutualis.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.mutualis.gateway.ratelimit.Budget.Outcome;
import org.mutualis.gateway.ratelimit.RateLimitProperties.Limit;
import org.mutualis.gateway.ratelimit.RateLimitProperties.PerTarget;
import org.mutualis.gateway.ratelimit.RateLimitProperties.StrictRule;
import org.mutualis.gateway.web.ProblemResponses;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.support.ipresolver.RemoteAddressResolver;
import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Counts each request against a budget and answers 429 with {@code Retry-After} once it is spent: sensitive calls
 * per client address and, for some, also per target (the e-mail address or link they are about, see
 * {@link RequestTargets}), calls with a valid token per person, other calls per client address. Runs after the
 * security chain, so the person is known.
 */
class RateLimitFilter implements WebFilter, Ordered {

	/** Runs after Spring Security's chain (order -100), before routing. */
	static final int ORDER = 0;

	private final RateLimitProperties properties;

	private final Budget budget;

	private final ProblemResponses problems;

	private final List<Strict> strict;

	private final RemoteAddressResolver addresses;

	private final RequestTargets targets;

	RateLimitFilter(RateLimitProperties properties, Budget budget, ProblemResponses problems,
			RequestTargets targets) {
		this.properties = properties;
		this.budget = budget;
		this.problems = problems;
		this.targets = targets;
		this.strict = properties.strict().stream().map(Strict::of).toList();
		this.addresses = (properties.trustedProxies() > 0)
				? XForwardedRemoteAddressResolver.maxTrustedIndex(properties.trustedProxies())
				: new RemoteAddressResolver() {
				};
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!this.properties.enabled() || exchange.getRequest().getPath().value().startsWith("/actuator/")) {
			return chain.filter(exchange);
		}
		for (Strict rule : this.strict) {
			if (rule.matches(exchange.getRequest())) {
				return count(exchange, rule.rule.name() + ":" + address(exchange), rule.rule.limit(),
						() -> perTarget(exchange, chain, rule.rule));
			}
		}
		return exchange.getPrincipal()
			.filter(AbstractOAuth2TokenAuthenticationToken.class::isInstance)
			.map(Principal::getName)
			.map((sub) -> new Counter("person:" + sub, this.properties.authenticated()))
			.defaultIfEmpty(new Counter("address:" + address(exchange), this.properties.anonymous()))
			.flatMap((counter) -> count(exchange, counter.key, counter.limit, () -> chain.filter(exchange)));
	}

	private Mono<Void> perTarget(ServerWebExchange exchange, WebFilterChain chain, StrictRule rule) {
		PerTarget perTarget = rule.perTarget();
		if (perTarget == null) {
			return chain.filter(exchange);
		}
		return this.targets.read(exchange, perTarget.fields())
			.flatMap((read) -> (read.target() == null) ? chain.filter(read.exchange())
					: count(read.exchange(), rule.name() + ":target:" + read.target(), perTarget.limit(),
							() -> chain.filter(read.exchange())))
			.onErrorResume(DataBufferLimitException.class, (tooLarge) -> this.problems.write(exchange,
					HttpStatus.CONTENT_TOO_LARGE, "too-large", "problem.too-large"));
	}

	private Mono<Void> count(ServerWebExchange exchange, String key, Limit limit, Supplier<Mono<Void>> then) {
		return this.budget.take(key, limit).flatMap((outcome) -> switch (outcome) {
			case Outcome.Allowed allowed -> then.get();
			case Outcome.Exhausted exhausted -> refuse(exchange, exhausted.retryAfter(), HttpStatus.TOO_MANY_REQUESTS,
					"too-many-requests", "problem.too-many-requests");
			case Outcome.Uncounted uncounted -> refuse(exchange, uncounted.retryAfter(),
					HttpStatus.SERVICE_UNAVAILABLE, "rate-limit-unavailable", "problem.rate-limit-unavailable");
		});
	}

	private Mono<Void> refuse(ServerWebExchange exchange, Duration retryAfter, HttpStatus status, String type,
			String key) {
		long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
		exchange.getResponse().getHeaders().set("Retry-After", Long.toString(seconds));
		return this.problems.write(exchange, status, type, key);
	}

	private String address(ServerWebExchange exchange) {
		InetSocketAddress address = this.addresses.resolve(exchange);
		if (address == null) {
			return "unknown";
		}
		return (address.getAddress() != null) ? address.getAddress().getHostAddress() : address.getHostString();
	}

	private record Counter(String key, Limit limit) {
	}

	private record Strict(StrictRule rule, PathPattern pattern) {

		static Strict of(StrictRule rule) {
			return new Strict(rule, PathPatternParser.defaultInstance.parse(rule.path()));
		}

		boolean matches(ServerHttpRequest request) {
			return (this.rule.method() == null || this.rule.method().equals(request.getMethod()))
					&& this.pattern.matches(request.getPath().pathWithinApplication());
		}

	}

}
