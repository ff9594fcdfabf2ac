package org.mutualis.platform.events;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

/**
 * Carries a request's trace across the outbox: the trace context (W3C {@code traceparent}) is kept with the event when
 * it is recorded, and the relay, which publishes later on its own thread, continues that trace and puts its context
 * into the Kafka record's headers, so that the consumer's work belongs to the request that caused the event.
 */
public final class EventTracing {

	private static final EventTracing NONE = new EventTracing(null, null);

	private final @Nullable Tracer tracer;

	private final @Nullable Propagator propagator;

	/**
	 * Creates the bridge to the tracer.
	 * @param tracer the tracer, if tracing is on
	 * @param propagator writes and reads trace contexts (W3C trace context by default), if tracing is on
	 */
	public EventTracing(@Nullable Tracer tracer, @Nullable Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/**
	 * @return tracing that keeps nothing and adds no span: events carry no trace context
	 */
	public static EventTracing none() {
		return NONE;
	}

	/**
	 * The context of the trace under way on this thread, as propagation fields.
	 * @return e.g. {@code traceparent -> 00-<trace id>-<span id>-01}; empty outside a trace
	 */
	public Map<String, String> current() {
		if (this.tracer == null || this.propagator == null) {
			return Map.of();
		}
		TraceContext context = this.tracer.currentTraceContext().context();
		if (context == null) {
			return Map.of();
		}
		Map<String, String> fields = new LinkedHashMap<>();
		this.propagator.inject(context, fields, Map::put);
		return Map.copyOf(fields);
	}

	/**
	 * Sends a record in the trace an event was recorded in: a producer span continues that trace, and its context goes
	 * into the record's headers (the stored fields themselves when tracing is off).
	 * @param <R> what the sender returns
	 * @param trace the propagation fields stored with the event, possibly empty
	 * @param record the record to send
	 * @param sender sends the record
	 * @return what the sender returned
	 */
	public <R> R send(Map<String, String> trace, ProducerRecord<String, String> record,
			Function<ProducerRecord<String, String>, R> sender) {
		Tracer tracer = this.tracer;
		Propagator propagator = this.propagator;
		if (tracer == null || propagator == null || trace.isEmpty()) {
			trace.forEach((name, value) -> replace(record.headers(), name, value));
			return sender.apply(record);
		}
		Span span = propagator.extract(trace, (fields, name) -> fields.get(name))
			.name("outbox publish")
			.kind(Span.Kind.PRODUCER)
			.tag("messaging.destination.name", record.topic())
			.start();
		try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
			propagator.inject(span.context(), record.headers(), (headers, name, value) -> replace(headers, name, value));
			return sender.apply(record);
		}
		finally {
			span.end();
		}
	}

	private static void replace(@Nullable Headers headers, String name, String value) {
		if (headers != null) {
			headers.remove(name);
			headers.add(name, value.getBytes(StandardCharsets.UTF_8));
		}
	}

}
