package org.mutualis.platform.events;

import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/** The backlog gauge reads, per outbox collection, how many documents still hold events, and NaN when it cannot. */
class OutboxBacklogTest {

	@Test
	void eachOutboxCollectionHasItsBacklogGauge() {
		OutboxRelay relay = mock(OutboxRelay.class);
		given(relay.backlog("bookings")).willReturn(3L);
		given(relay.backlog("reports")).willThrow(new IllegalStateException("store away"));
		EventsProperties properties = new EventsProperties("/mutualis/test", List.of("bookings", "reports"),
				java.time.Duration.ofSeconds(1), 200, java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(2), 2,
				java.time.Duration.ofSeconds(10));
		SimpleMeterRegistry registry = new SimpleMeterRegistry();

		new OutboxBacklog(relay, properties).bindTo(registry);

		assertThat(registry.get("mutualis.outbox.backlog").tag("collection", "bookings").gauge().value()).isEqualTo(3.0);
		assertThat(registry.get("mutualis.outbox.backlog").tag("collection", "reports").gauge().value()).isNaN();
	}

}
