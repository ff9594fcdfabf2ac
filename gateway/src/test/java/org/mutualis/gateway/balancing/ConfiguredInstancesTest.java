package org.mutualis.gateway.balancing;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.mutualis.gateway.GatewayProperties;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which instances of a service the balancing is offered: those in; an instance goes out at its first failed call or
 * failed probe, but only after three slow probes in a row, and comes back when its probe answers 200; with every
 * instance out, only the one whose last failure is the oldest.
 */
class ConfiguredInstancesTest {

	private final MovingClock clock = new MovingClock();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final ConfiguredInstances instances = new ConfiguredInstances(properties(), this.meters, this.clock);

	private final ServiceInstance first = offered().get(0);

	private final ServiceInstance second = offered().get(1);

	@Test
	void anInstanceThatFailedIsOfferedAgainOnlyOnceItsProbeSaysReady() {
		this.instances.out(this.first, "it refused a connection");
		assertThat(offered()).containsExactly(this.second);
		assertThat(gauge(this.first)).isZero();
		this.clock.pass(Duration.ofMinutes(5));
		assertThat(offered()).as("no fixed quarantine: out until ready").containsExactly(this.second);
		this.instances.ready(this.first);
		assertThat(offered()).containsExactly(this.first, this.second);
		assertThat(gauge(this.first)).isEqualTo(1);
	}

	@Test
	void aBusyInstanceStaysInForTwoSlowProbesAndGoesOutAtTheThird() {
		this.instances.slow(this.first, "read timeout");
		this.instances.slow(this.first, "read timeout");
		assertThat(offered()).containsExactly(this.first, this.second);
		this.instances.ready(this.first);
		this.instances.slow(this.first, "read timeout");
		this.instances.slow(this.first, "read timeout");
		assertThat(offered()).as("an answer in time starts the count again").containsExactly(this.first, this.second);
		this.instances.slow(this.first, "read timeout");
		assertThat(offered()).containsExactly(this.second);
	}

	@Test
	void withEveryInstanceOutTheOneWhoseLastFailureIsTheOldestIsOffered() {
		// the first was slow to answer its probes, then the second stopped: the first is the better bet
		this.instances.out(this.second, "its readiness probe answered 503");
		this.clock.pass(Duration.ofSeconds(1));
		this.instances.out(this.first, "3 readiness probes in a row took too long");
		this.clock.pass(Duration.ofSeconds(1));
		this.instances.out(this.second, "it refused a connection");
		assertThat(offered()).containsExactly(this.first);
		this.clock.pass(Duration.ofSeconds(1));
		this.instances.out(this.first, "it refused a connection");
		assertThat(offered()).as("never straight back to the instance that has just failed").containsExactly(this.second);
	}

	private List<ServiceInstance> offered() {
		return this.instances.getInstances("booking").collectList().block();
	}

	private double gauge(ServiceInstance instance) {
		return this.meters.get(ConfiguredInstances.READY_GAUGE).tag("instance", instance.getInstanceId()).gauge().value();
	}

	private static GatewayProperties properties() {
		List<URI> one = List.of(URI.create("http://127.0.0.1:9000"));
		GatewayProperties.Services services = new GatewayProperties.Services(one, one,
				List.of(URI.create("http://127.0.0.1:8082"), URI.create("http://127.0.0.1:8182")), one, one);
		return new GatewayProperties(services, List.of(), List.of(), List.of(), DataSize.ofMegabytes(1),
				Duration.ofSeconds(30), "default-src 'self'; frame-ancestors 'none'", "no-referrer");
	}

	/** A clock the test moves on. */
	private static final class MovingClock extends Clock {

		private Instant now = Instant.parse("2026-11-30T12:00:00Z");

		void pass(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
