package org.mutualis.gateway.balancing;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.mutualis.gateway.GatewayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.stereotype.Component;

/**
 * The instances of each service, as configured in {@code mutualis.gateway.services}, for Spring Cloud
 * LoadBalancer: only those ready to take calls. An instance is out from the moment a call to it fails or its
 * readiness probe does not answer 200, and back in only once its probe answers 200 again ({@link ReadinessProbes}).
 */
@Component
class ConfiguredInstances implements ReactiveDiscoveryClient {

	/** The gauge, per service and instance, of whether the gateway sends it calls (1) or not (0). */
	static final String READY_GAUGE = "mutualis.gateway.upstream.ready";

	private static final Logger log = LoggerFactory.getLogger(ConfiguredInstances.class);

	private final Map<String, List<ServiceInstance>> instances;

	/** Since when each instance that is out has been out; an instance absent here is in. */
	private final Map<String, Instant> outSince = new ConcurrentHashMap<>();

	private final Clock clock;

	@Autowired
	ConfiguredInstances(GatewayProperties properties, MeterRegistry meters) {
		this(properties, meters, Clock.systemUTC());
	}

	ConfiguredInstances(GatewayProperties properties, MeterRegistry meters, Clock clock) {
		this.clock = clock;
		Map<String, List<ServiceInstance>> byService = new LinkedHashMap<>();
		properties.services().byName().forEach((service, uris) -> byService.put(service, instancesOf(service, uris)));
		this.instances = Map.copyOf(byService);
		this.instances.values().stream().flatMap(List::stream).forEach((instance) -> Gauge
			.builder(READY_GAUGE, () -> this.outSince.containsKey(instance.getInstanceId()) ? 0 : 1)
			.description("Whether the gateway sends calls to this instance of a service (1) or not (0)")
			.tag("service", instance.getServiceId())
			.tag("instance", instance.getInstanceId())
			.register(meters));
	}

	private static List<ServiceInstance> instancesOf(String service, List<URI> uris) {
		return uris.stream().map((uri) -> {
			boolean secure = "https".equals(uri.getScheme());
			int port = (uri.getPort() >= 0) ? uri.getPort() : (secure ? 443 : 80);
			return (ServiceInstance) new DefaultServiceInstance(service + "@" + uri.getHost() + ":" + port, service,
					uri.getHost(), port, secure);
		}).toList();
	}

	@Override
	public String description() {
		return "mutualis.gateway.services";
	}

	@Override
	public Flux<ServiceInstance> getInstances(String serviceId) {
		List<ServiceInstance> all = this.instances.getOrDefault(serviceId, List.of());
		List<ServiceInstance> ready = all.stream().filter((instance) -> !isOut(instance)).toList();
		if (!ready.isEmpty() || all.isEmpty()) {
			return Flux.fromIterable(ready);
		}
		// none is ready: offer only the one out the longest, so a retry never goes straight back to the instance
		// that has just failed while another may have recovered since its probe last ran
		return Flux.just(all.stream().min(Comparator.comparing(this::outSince)).orElseThrow());
	}

	@Override
	public Flux<String> getServices() {
		return Flux.fromIterable(this.instances.keySet());
	}

	/** @return the instances of the services that have more than one, whose readiness decides which are chosen */
	List<ServiceInstance> balanced() {
		return this.instances.values().stream().filter((list) -> list.size() > 1).flatMap(List::stream).toList();
	}

	/**
	 * Leaves an instance out of the balancing until its readiness probe answers 200.
	 * @param instance the instance
	 * @param why what happened, for the log
	 */
	void out(ServiceInstance instance, String why) {
		if (this.outSince.putIfAbsent(instance.getInstanceId(), this.clock.instant()) == null) {
			log.warn("{} left out of the balancing until it is ready: {}", instance.getInstanceId(), why);
		}
	}

	/**
	 * Takes an instance back into the balancing: its readiness probe answered 200.
	 * @param instance the instance
	 */
	void ready(ServiceInstance instance) {
		Instant since = this.outSince.remove(instance.getInstanceId());
		if (since != null) {
			log.info("{} is ready: back in the balancing after {} ms out", instance.getInstanceId(),
					this.clock.millis() - since.toEpochMilli());
		}
	}

	private boolean isOut(ServiceInstance instance) {
		return this.outSince.containsKey(instance.getInstanceId());
	}

	private Instant outSince(ServiceInstance instance) {
		return this.outSince.getOrDefault(instance.getInstanceId(), Instant.MIN);
	}

}
