package org.mutualis.gateway.web;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.mutualis.gateway.GatewayProperties;
import org.mutualis.gateway.GatewayProperties.BodyLimit;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Refuses request bodies larger than their cap with 413: at once when {@code Content-Length} says so, otherwise
 * as soon as a streamed body crosses the cap.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodySizeLimit implements WebFilter {

	private final List<Rule> rules;

	private final long defaultMax;

	private final ProblemResponses problems;

	BodySizeLimit(GatewayProperties properties, ProblemResponses problems) {
		this.rules = properties.bodyLimits().stream().map(Rule::of).toList();
		this.defaultMax = properties.defaultBodyLimit().toBytes();
		this.problems = problems;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		long max = maxFor(request);
		long declared = request.getHeaders().getContentLength();
		if (declared > max) {
			return this.problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "too-large", "problem.too-large");
		}
		if (declared >= 0) {
			return chain.filter(exchange);
		}
		ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
			@Override
			public Flux<DataBuffer> getBody() {
				AtomicLong seen = new AtomicLong();
				return super.getBody().handle((buffer, sink) -> {
					if (seen.addAndGet(buffer.readableByteCount()) > max) {
						DataBufferUtils.release(buffer);
						sink.error(new PayloadTooLarge(max));
					}
					else {
						sink.next(buffer);
					}
				});
			}
		};
		return chain.filter(exchange.mutate().request(counted).build());
	}

	private long maxFor(ServerHttpRequest request) {
		for (Rule rule : this.rules) {
			if (rule.matches(request)) {
				return rule.max;
			}
		}
		return this.defaultMax;
	}

	private record Rule(BodyLimit limit, PathPattern pattern, long max) {

		static Rule of(BodyLimit limit) {
			return new Rule(limit, PathPatternParser.defaultInstance.parse(limit.path()), limit.max().toBytes());
		}

		boolean matches(ServerHttpRequest request) {
			return (this.limit.method() == null || this.limit.method().equals(request.getMethod()))
					&& this.pattern.matches(request.getPath().pathWithinApplication());
		}

	}

}
