package org.mutualis.gateway.balancing;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
 * LoadBalancer; an instance that just refused a connection is left out for a while, so that calls stop trying it.
 */
@Component
class ConfiguredInstances implements ReactiveDiscoveryClient {

	private static final Logger log = LoggerFactory.getLogger(ConfiguredInstances.class);

	private final Map<String, List<ServiceInstance>> instances;

	private final Map<String, Instant> refusedUntil = new ConcurrentHashMap<>();

	private final BalancingProperties balancing;

	private final Clock clock;

	@Autowired
	ConfiguredInstances(GatewayProperties properties, BalancingProperties balancing) {
		this(properties, balancing, Clock.systemUTC());
	}

	ConfiguredInstances(GatewayProperties properties, BalancingProperties balancing, Clock clock) {
		this.balancing = balancing;
		this.clock = clock;
		this.instances = new ConcurrentHashMap<>();
		properties.services().byName().forEach((service, uris) -> this.instances.put(service, instancesOf(service, uris)));
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
		Instant now = this.clock.instant();
		List<ServiceInstance> willing = all.stream().filter((instance) -> !refused(instance, now)).toList();
		// with every instance refusing, keep trying them all rather than answer at once that none exists
		return Flux.fromIterable(willing.isEmpty() ? all : willing);
	}

	@Override
	public Flux<String> getServices() {
		return Flux.fromIterable(this.instances.keySet());
	}

	/**
	 * Leaves an instance out of the balancing for the quarantine time, because it refused a connection.
	 * @param instance the instance
	 */
	void refused(ServiceInstance instance) {
		if (this.balancing.quarantine().isZero()) {
			return;
		}
		Instant until = this.clock.instant().plus(this.balancing.quarantine());
		if (this.refusedUntil.put(instance.getInstanceId(), until) == null) {
			log.warn("{} refused a connection; left out of the balancing for {}", instance.getInstanceId(),
					this.balancing.quarantine());
		}
	}

	private boolean refused(ServiceInstance instance, Instant now) {
		Instant until = this.refusedUntil.get(instance.getInstanceId());
		if (until == null) {
			return false;
		}
		if (!now.isBefore(until)) {
			this.refusedUntil.remove(instance.getInstanceId(), until);
			return false;
		}
		return true;
	}

}
