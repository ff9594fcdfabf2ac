package org.mutualis.gateway.web;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Ends the server-sent event streams the gateway relays (notifications' live streams) when the gateway stops, before
 * the web server's graceful shutdown, which waits for the exchanges in progress: an open stream held it until the
 * stop's allowance ran out and the process was killed (20 s under {@code infra/local}). Each stream's body ends
 * where it is, its upstream connection is released, and the client reconnects, with {@code Last-Event-ID}, to a
 * gateway that stays. A stream opened after the stop began ends at once. Other answers are left alone.
 */
@Component
public class OpenStreams implements WebFilter, SmartLifecycle {

	/** Completes when the gateway stops; a new one at each start. */
	private volatile Sinks.Empty<Void> stopping = Sinks.empty();

	private volatile boolean running;

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		// the stop this exchange's stream ends at: the one current when it began
		Mono<Void> ending = this.stopping.asMono();
		ServerHttpResponse response = new ServerHttpResponseDecorator(exchange.getResponse()) {

			@Override
			public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
				return super.writeWith(isEventStream() ? Flux.from(body).takeUntilOther(ending) : body);
			}

			@Override
			public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
				return super.writeAndFlushWith(isEventStream() ? Flux.from(body).takeUntilOther(ending) : body);
			}

			private boolean isEventStream() {
				MediaType type = getHeaders().getContentType();
				return type != null && MediaType.TEXT_EVENT_STREAM.isCompatibleWith(type);
			}

		};
		return chain.filter(exchange.mutate().response(response).build());
	}

	@Override
	public void start() {
		if (!this.running) {
			this.stopping = Sinks.empty();
		}
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.stopping.tryEmitEmpty();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
