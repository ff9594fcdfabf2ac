package org.mutualis.gateway.balancing;

import java.util.List;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Asks every instance of each service that has several, once per {@code probe-interval}, whether it is ready
 * (its readiness probe answers 200), so that the balancing leaves out an instance that is stopping, starting or
 * cut off from its store, and takes it back as soon as it is ready — as a Kubernetes Service does with its pods'
 * readiness probes. A service with one address (a Kubernetes Service) is not probed: the cluster does it.
 */
@Component
class ReadinessProbes implements SmartLifecycle {

	private final ConfiguredInstances instances;

	private final BalancingProperties properties;

	private final HttpClient client;

	private @Nullable Disposable probing;

	ReadinessProbes(ConfiguredInstances instances, BalancingProperties properties) {
		this.instances = instances;
		this.properties = properties;
		// a new connection per probe: a pooled one could outlive the instance it was opened to
		this.client = HttpClient.create(ConnectionProvider.newConnection())
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.probeTimeout().toMillis())
			.responseTimeout(properties.probeTimeout());
	}

	@Override
	public synchronized void start() {
		List<ServiceInstance> balanced = this.instances.balanced();
		if (balanced.isEmpty() || this.probing != null) {
			return;
		}
		// every instance starts in the balancing; the first round comes one interval after start-up
		this.probing = Flux.interval(this.properties.probeInterval())
			.onBackpressureDrop()
			// one round at a time: a tick that comes while a slow round is still running is dropped
			.concatMap((tick) -> Flux.fromIterable(balanced).flatMap(this::probe).then(), 1)
			.subscribe();
	}

	private Mono<Void> probe(ServiceInstance instance) {
		String url = instance.getUri() + this.properties.readinessPath();
		return this.client.get()
			.uri(url)
			.responseSingle((response, body) -> body.then(Mono.just(response.status().code())))
			.timeout(this.properties.probeTimeout().plusMillis(500))
			.doOnNext((status) -> {
				if (status == 200) {
					this.instances.ready(instance);
				}
				else {
					this.instances.out(instance, "its readiness probe answered " + status);
				}
			})
			.onErrorResume((failure) -> {
				if (isTimeout(failure)) {
					this.instances.slow(instance, failure.toString());
				}
				else {
					this.instances.out(instance, "its readiness probe failed: " + failure);
				}
				return Mono.empty();
			})
			.then();
	}

	private static boolean isTimeout(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			// a refused or failed connection is not a timeout: nothing listens there, the instance is out at once
			if (cause instanceof TimeoutException || cause instanceof ReadTimeoutException
					|| cause instanceof ConnectTimeoutException) {
				return true;
			}
		}
		return false;
	}

	@Override
	public synchronized void stop() {
		if (this.probing != null) {
			this.probing.dispose();
			this.probing = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.probing != null;
	}

}
