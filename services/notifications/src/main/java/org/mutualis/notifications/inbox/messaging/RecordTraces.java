package org.mutualis.notifications.inbox.messaging;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.stereotype.Component;

/**
 * Gives each record of a batch the observation Spring Kafka gives a record listener ({@code spring.kafka.listener
 * .observation-enabled}, which batch listeners do not get): a span that continues the trace whose context came in the
 * record's headers ({@code traceparent}), so that what is done and logged for that record carries the trace id of
 * the request that caused its event.
 */
@Component
class RecordTraces {

	private final ObservationRegistry observations;

	RecordTraces(ObservationRegistry observations) {
		this.observations = observations;
	}

	/**
	 * Starts the observation of one record; the caller opens its scope around the record's work and stops it.
	 * @param record the record
	 * @param listenerId the listener's id
	 * @return the started observation
	 */
	Observation started(ConsumerRecord<?, ?> record, String listenerId) {
		String group = KafkaUtils.getConsumerGroupId();
		return KafkaListenerObservation.LISTENER_OBSERVATION
			.observation(null, KafkaListenerObservation.DefaultKafkaListenerObservationConvention.INSTANCE,
					() -> new KafkaRecordReceiverContext(record, listenerId, listenerId, (group != null) ? group : "",
							() -> null),
					this.observations)
			.start();
	}

}
