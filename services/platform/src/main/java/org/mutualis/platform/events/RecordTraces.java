package org.mutualis.platform.events;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;

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

}
