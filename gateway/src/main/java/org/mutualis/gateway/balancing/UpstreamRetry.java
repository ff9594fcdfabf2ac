package org.mutualis.gateway.balancing;

import java.io.IOException;
import java.net.ConnectException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.client.HttpClientResponse;
import reactor.util.retry.Retry;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Tries a call again on another instance of its service when that cannot do a change twice: any call whose
 * connection was refused (nothing reached the service), and a call that may have reached it — its connection broke
 * before an answer, or the instance answered {@code 503} (as one that is shutting down does) — only when it is
 * idempotent: {@code GET}, {@code HEAD}, {@code OPTIONS}, or a call with an {@code Idempotency-Key} its service
 * honours. The instance that failed is left out of the balancing until it is ready again. Nothing is retried once
 * the answer has begun, so a broken event stream is not replayed.
 */
@Component
class UpstreamRetry implements GlobalFilter, Ordered {

	/** The header that makes a repeated call return the first call's answer, where the service honours it. */
	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private static final Logger log = LoggerFactory.getLogger(UpstreamRetry.class);

	private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

	private final ConfiguredInstances instances;

	private final int retries;

	private final List<KeyedCall> keyedCalls;

	UpstreamRetry(ConfiguredInstances instances, BalancingProperties properties) {
		this.instances = instances;
		this.retries = properties.retries();
		this.keyedCalls = properties.idempotencyKeyPaths().stream().map(KeyedCall::parse).toList();
	}

	@Override
	public int getOrder() {
		// before the route's URL and the instance are chosen, so that each attempt chooses again
		return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER - 1;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		if (this.retries == 0) {
			return chain.filter(exchange);
		}
		if (honoursKey(exchange)) {
			// the body is sent again on a retry, so it is kept for the time of the call
			return ServerWebExchangeUtils.cacheRequestBodyAndRequest(exchange,
					(request) -> attempts(exchange.mutate().request(request).build(), chain, true));
		}
		return attempts(exchange, chain, IDEMPOTENT.contains(exchange.getRequest().getMethod()));
	}

	private Mono<Void> attempts(ServerWebExchange exchange, GatewayFilterChain chain, boolean idempotent) {
		AtomicInteger attempts = new AtomicInteger();
		return Mono.defer(() -> {
			boolean another = idempotent && attempts.incrementAndGet() <= this.retries;
			return chain.filter(exchange).then(Mono.defer(() -> unavailableAnswer(exchange, another)));
		})
			.retryWhen(Retry.max(this.retries)
				.filter((failure) -> retryable(exchange, failure, idempotent))
				.doBeforeRetry((signal) -> {
					log.info("Retrying {} {} on another instance after {}", exchange.getRequest().getMethod(),
							exchange.getRequest().getPath(), signal.failure().toString());
					ServerWebExchangeUtils.reset(exchange);
				}));
	}

	/**
	 * Turns a {@code 503} answered by the instance into a failure to retry on another, when another attempt may be
	 * made; otherwise (a call that may not be sent twice, or the last attempt) the caller gets that answer.
	 */
	private Mono<Void> unavailableAnswer(ServerWebExchange exchange, boolean anotherAttempt) {
		Object answer = exchange.getAttribute(ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR);
		if (!(answer instanceof HttpClientResponse upstream) || upstream.status().code() != 503
				|| exchange.getResponse().isCommitted()) {
			return Mono.empty();
		}
		ServiceInstance instance = chosenInstance(exchange);
		if (instance != null) {
			this.instances.out(instance, "it answered 503 to " + exchange.getRequest().getMethod() + " "
					+ exchange.getRequest().getPath());
		}
		return anotherAttempt ? Mono.error(new UnavailableInstance(instance)) : Mono.empty();
	}

	private boolean retryable(ServerWebExchange exchange, Throwable failure, boolean idempotent) {
		if (exchange.getResponse().isCommitted()) {
			return false;
		}
		if (failure instanceof UnavailableInstance) {
			return true;
		}
		boolean refused = causedBy(failure, ConnectException.class);
		// AbortedException: a pooled connection the instance closed (it is stopping) as the call was being sent
		if (!refused && !causedBy(failure, IOException.class) && !causedBy(failure, AbortedException.class)) {
			return false;
		}
		ServiceInstance instance = chosenInstance(exchange);
		if (instance != null) {
			this.instances.out(instance, refused ? "it refused a connection" : "a call to it broke: " + failure);
		}
		// a refused connection reached nothing; a broken one may have reached the instance
		return refused || idempotent;
	}

	private boolean honoursKey(ServerWebExchange exchange) {
		if (!exchange.getRequest().getHeaders().containsHeader(IDEMPOTENCY_KEY)) {
			return false;
		}
		HttpMethod method = exchange.getRequest().getMethod();
		PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
		return this.keyedCalls.stream().anyMatch((call) -> call.method().equals(method) && call.pattern().matches(path));
	}

	private static @Nullable ServiceInstance chosenInstance(ServerWebExchange exchange) {
		Object response = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_LOADBALANCER_RESPONSE_ATTR);
		return (response instanceof Response<?> chosen && chosen.getServer() instanceof ServiceInstance instance)
				? instance : null;
	}

	private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	/** An instance answered {@code 503}: the call is tried on another. */
	private static final class UnavailableInstance extends RuntimeException {

		UnavailableInstance(@Nullable ServiceInstance instance) {
			super(((instance != null) ? instance.getInstanceId() : "the instance") + " answered 503", null, false,
					false);
		}

	}

	/** A call whose service honours {@code Idempotency-Key}. */
	private record KeyedCall(HttpMethod method, PathPattern pattern) {

		static KeyedCall parse(String call) {
			String[] parts = call.trim().split("\\s+");
			return new KeyedCall(HttpMethod.valueOf(parts[0]), PathPatternParser.defaultInstance.parse(parts[1]));
		}

	}

}
