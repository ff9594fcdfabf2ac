package org.mutualis.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request's trace survives the outbox: the recorder keeps its context with the event, the stored entry keeps it,
 * and the relay, on another thread and later, sends the record in that same trace with its context in the headers.
 */
class EventTracingTest {

	private final SdkTracerProvider provider = SdkTracerProvider.builder().build();

	private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
		.setTracerProvider(this.provider)
		.setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
		.build();

	private final Tracer tracer = new OtelTracer(this.sdk.getTracer("test"), new OtelCurrentTraceContext(),
			(event) -> {
			});

	private final EventTracing tracing = new EventTracing(this.tracer,
			new OtelPropagator(this.sdk.getPropagators(), this.sdk.getTracer("test")));

	@AfterEach
	void close() {
		this.sdk.close();
	}

	@Test
	void theRelayPublishesInTheTraceOfTheRequestThatRecordedTheEvent() throws Exception {
		EventRecorder recorder = new EventRecorder(JsonMapper.builder().build(), Clock.systemUTC(), this.tracing);
		Span request = this.tracer.nextSpan().name("request").start();
		OutboxMessage recorded;
		try (Tracer.SpanInScope scope = this.tracer.withSpan(request)) {
			recorded = recorder.record("mutualis.bookings.v1", "mutualis.booking.requested.v1", "b-1", Map.of("id", "b-1"));
		}
		finally {
			request.end();
		}
		String traceId = request.context().traceId();
		assertThat(recorded.trace().get("traceparent")).startsWith("00-" + traceId + "-" + request.context().spanId());

		OutboxMessage stored = OutboxMessage.fromDocument(recorded.toDocument());
		assertThat(stored.trace()).isEqualTo(recorded.trace());

		AtomicReference<String> published = new AtomicReference<>();
		Thread relay = Thread.ofPlatform().start(() -> {
			ProducerRecord<String, String> record = new ProducerRecord<>(stored.topic(), stored.subject(), "{}");
			published.set(this.tracing.send(stored.trace(), record, this::traceparent));
		});
		relay.join();
		assertThat(published.get()).as("same trace, a new (producer) span")
			.startsWith("00-" + traceId + "-")
			.doesNotContain(request.context().spanId());
	}

	@Test
	void anEventRecordedOutsideATraceCarriesNoContext() {
		EventRecorder recorder = new EventRecorder(JsonMapper.builder().build(), Clock.systemUTC(), this.tracing);
		OutboxMessage recorded = recorder.record("t", "mutualis.x.v1", "s", Map.of());
		assertThat(recorded.trace()).isEmpty();
		assertThat(recorded.toDocument()).doesNotContainKey("trace");
		ProducerRecord<String, String> record = new ProducerRecord<>("t", "s", "{}");
		this.tracing.send(recorded.trace(), record, (sent) -> sent);
		assertThat(record.headers().lastHeader("traceparent")).isNull();
	}

	@Test
	void withoutATracerTheStoredContextIsPassedOnAsItIs() {
		String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
		ProducerRecord<String, String> record = new ProducerRecord<>("t", "s", "{}");
		String header = EventTracing.none().send(Map.of("traceparent", traceparent), record, this::traceparent);
		assertThat(header).isEqualTo(traceparent);
		assertThat(record.headers().headers("traceparent")).hasSize(1);
	}

	private String traceparent(ProducerRecord<String, String> record) {
		Header header = record.headers().lastHeader("traceparent");
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : "";
	}

}
