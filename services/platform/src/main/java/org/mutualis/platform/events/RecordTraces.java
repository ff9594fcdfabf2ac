package org.mutualis.platform.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

/**
 * Gives each record of a batch the observation Spring Kafka gives a record listener ({@code spring.kafka.listener
 * .observation-enabled}, which batch listeners do not get): a span that continues the trace whose context came in the
 * record's headers ({@code traceparent}), so that what is done and logged for that record carries the trace id of
 * the request that caused its event. A batch consumer starts one per record, runs each record's own work and its
 * {@code applied …} log line in it, and stops them all at the end of the batch.
 */
public class RecordTraces {

	private final ObservationRegistry observations;

	/**
	 * Creates it.
	 * @param observations the application's observation registry
	 */
	public RecordTraces(ObservationRegistry observations) {
		this.observations = observations;
	}

	/**
	 * Starts the observation of one record; the caller opens its scope around the record's work and stops it.
	 * @param record the record
	 * @param listenerId the listener's id
	 * @return the started observation
	 */
	public Observation started(ConsumerRecord<?, ?> record, String listenerId) {
		String group = KafkaUtils.getConsumerGroupId();
		return KafkaListenerObservation.LISTENER_OBSERVATION
			.observation(null, KafkaListenerObservation.DefaultKafkaListenerObservationConvention.INSTANCE,
					() -> new KafkaRecordReceiverContext(record, listenerId, listenerId, (group != null) ? group : "",
							() -> null),
					this.observations)
			.start();
	}

	/** Reads one record of a batch, in its record's span. */
	@FunctionalInterface
	public interface Reader<T> {

		/**
		 * Reads a record's value.
		 * @param json the record's value
		 * @param trace the record's observation, for work done on it later in the batch
		 * @return what to apply, or empty for a record this consumer ignores
		 * @throws MalformedEventException when it can never be read
		 */
		Optional<T> read(String json, Observation trace);

	}

	/**
	 * Consumes one batch of records: each is read in a span continuing its trace, then all read so far are applied
	 * together. A record that can never be read is named to the error handler ({@link BatchListenerFailedException}
	 * with its index) after those before it were applied, so that they are committed and it goes to the dead-letter
	 * topic; a failure of the application names the first record, so the batch is retried from its start (what was
	 * applied is skipped by event id). The spans of the records not applied end in error.
	 * @param records the batch
	 * @param listenerId the consumer's name
	 * @param reader reads one record
	 * @param applier applies what was read, in order
	 * @param <T> what a record is read into
	 */
	public <T> void consume(List<ConsumerRecord<String, String>> records, String listenerId, Reader<T> reader,
			Consumer<List<T>> applier) {
		List<Observation> traces = new ArrayList<>(records.size());
		records.forEach((record) -> traces.add(started(record, listenerId)));
		try {
			List<T> read = new ArrayList<>();
			for (int index = 0; index < records.size(); index++) {
				String json = records.get(index).value();
				Observation trace = traces.get(index);
				try {
					trace.scoped(() -> reader.read(json, trace)).ifPresent(read::add);
				}
				catch (MalformedEventException ex) {
					applyOrName(read, applier);
					throw new BatchListenerFailedException(ex.getMessage(), ex, index);
				}
			}
			applyOrName(read, applier);
		}
		catch (RuntimeException ex) {
			int failed = (ex instanceof BatchListenerFailedException named) ? Math.max(named.getIndex(), 0) : 0;
			traces.subList(failed, traces.size()).forEach((trace) -> trace.error(ex));
			throw ex;
		}
		finally {
			traces.forEach(Observation::stop);
		}
	}

	private static <T> void applyOrName(List<T> read, Consumer<List<T>> applier) {
		try {
			applier.accept(read);
		}
		catch (RuntimeException ex) {
			throw new BatchListenerFailedException(String.valueOf(ex.getMessage()), ex, 0);
		}
	}

}
