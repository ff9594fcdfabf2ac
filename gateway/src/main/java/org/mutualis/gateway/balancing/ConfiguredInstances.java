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
 * readiness probe does not answer 200 (or, slow, has not answered three times in a row), and back in only once its
 * probe answers 200 again ({@link ReadinessProbes}).
 */
@Component
class ConfiguredInstances implements ReactiveDiscoveryClient {

	/** The gauge, per service and instance, of whether the gateway sends it calls (1) or not (0). */
	static final String READY_GAUGE = "mutualis.gateway.upstream.ready";

	private static final Logger log = LoggerFactory.getLogger(ConfiguredInstances.class);

	private final Map<String, List<ServiceInstance>> instances;

	/** How many probes in a row took too long to answer before an instance is taken out for that. */
	static final int SLOW_PROBES = 3;

	/** When each instance that is out last failed; an instance absent here is in. */
	private final Map<String, Instant> lastFailure = new ConcurrentHashMap<>();

	/** How many probes in a row each instance has been too slow to answer. */
	private final Map<String, Integer> slowProbes = new ConcurrentHashMap<>();

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
			.builder(READY_GAUGE, () -> this.lastFailure.containsKey(instance.getInstanceId()) ? 0 : 1)
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
		// none is ready: offer only the one whose last failure is the oldest, so a retry never goes straight back to
		// the instance that has just failed while another may have recovered since its probe last ran
		return Flux.just(all.stream().min(Comparator.comparing(this::lastFailure)).orElseThrow());
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
	 * Leaves an instance out of the balancing until its readiness probe answers 200: a call to it failed, or its
	 * probe answered something else than 200 or could not connect.
	 * @param instance the instance
	 * @param why what happened, for the log
	 */
	void out(ServiceInstance instance, String why) {
		this.slowProbes.remove(instance.getInstanceId());
		if (this.lastFailure.put(instance.getInstanceId(), this.clock.instant()) == null) {
			log.warn("{} left out of the balancing until it is ready: {}", instance.getInstanceId(), why);
		}
	}

	/**
	 * Notes that an instance's readiness probe took too long to answer: a busy instance is not left out for one slow
	 * answer, only after {@value #SLOW_PROBES} in a row (as a Kubernetes readiness probe's failure threshold).
	 * @param instance the instance
	 * @param why what happened, for the log
	 */
	void slow(ServiceInstance instance, String why) {
		if (this.slowProbes.merge(instance.getInstanceId(), 1, Integer::sum) >= SLOW_PROBES) {
			out(instance, SLOW_PROBES + " readiness probes in a row took too long: " + why);
		}
	}

	/**
	 * Takes an instance back into the balancing: its readiness probe answered 200.
	 * @param instance the instance
	 */
	void ready(ServiceInstance instance) {
		this.slowProbes.remove(instance.getInstanceId());
		Instant failed = this.lastFailure.remove(instance.getInstanceId());
		if (failed != null) {
			log.info("{} is ready: back in the balancing ({} ms after its last failure)", instance.getInstanceId(),
					this.clock.millis() - failed.toEpochMilli());
		}
	}

	private boolean isOut(ServiceInstance instance) {
		return this.lastFailure.containsKey(instance.getInstanceId());
	}

	private Instant lastFailure(ServiceInstance instance) {
		return this.lastFailure.getOrDefault(instance.getInstanceId(), Instant.MIN);
	}

}
