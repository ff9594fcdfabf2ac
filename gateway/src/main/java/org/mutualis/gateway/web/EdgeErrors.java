package org.mutualis.gateway.web;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ConnectTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.client.PrematureCloseException;

import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Turns failures at the edge into problem details: an unreachable service is 503, an oversized body 413, and
 * anything unexpected a 500 without a stack trace.
 */
@Component
@Order(-2)
class EdgeErrors implements WebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(EdgeErrors.class);

	private final ProblemResponses problems;

	EdgeErrors(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(failure);
		}
		if (isTooLarge(failure)) {
			return this.problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "too-large", "problem.too-large");
		}
		if (isUnreachable(failure)) {
			log.warn("Upstream unreachable for {} {}: {}", exchange.getRequest().getMethod(),
					exchange.getRequest().getPath(), failure.toString());
			return this.problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
					"problem.http.503");
		}
		if (failure instanceof ResponseStatusException status) {
			HttpStatus resolved = HttpStatus.resolve(status.getStatusCode().value());
			if (resolved != null && resolved.is4xxClientError()) {
				return this.problems.write(exchange, resolved, "http-" + resolved.value(),
						"problem.http." + resolved.value());
			}
			if (resolved == HttpStatus.GATEWAY_TIMEOUT || resolved == HttpStatus.SERVICE_UNAVAILABLE) {
				log.warn("Upstream failure for {}: {}", exchange.getRequest().getPath(), failure.toString());
				return this.problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
						"problem.http.503");
			}
		}
		log.error("Unexpected failure for {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
				failure);
		return this.problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
				"problem.internal-error");
	}

	private static boolean isTooLarge(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof PayloadTooLarge || cause instanceof DataBufferLimitException) {
				return true;
			}
		}
		return false;
	}

	private static boolean isUnreachable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException || cause instanceof UnknownHostException
					|| cause instanceof TimeoutException
					|| cause instanceof ConnectTimeoutException
					|| cause instanceof PrematureCloseException || cause instanceof AbortedException
					|| cause instanceof NotFoundException) {
				return true;
			}
		}
		return false;
	}

}
