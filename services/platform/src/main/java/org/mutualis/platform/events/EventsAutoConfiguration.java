package org.mutualis.platform.events;

import java.time.Clock;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.mutualis.platform.persistence.AggregateStore;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.databind.json.JsonMapper;

/** Wires the outbox relay, the processed-event registry, dead-letter handling and the topics of the platform. */
@AutoConfiguration(after = org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration.class)
@ConditionalOnProperty("mutualis.events.source")
@EnableConfigurationProperties({ EventsProperties.class, ClockProperties.class })
public class EventsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock(ClockProperties properties) {
		return properties.offset().isZero() ? Clock.systemUTC() : Clock.offset(Clock.systemUTC(), properties.offset());
	}

	@Bean
	@ConditionalOnMissingBean
	EventRecorder eventRecorder(JsonMapper mapper, Clock clock) {
		return new EventRecorder(mapper, clock);
	}

	@Bean
	@ConditionalOnMissingBean
	AggregateStore aggregateStore(MongoTemplate mongo, EventRecorder recorder) {
		return new AggregateStore(mongo, recorder);
	}

	@Bean
	@ConditionalOnMissingBean
	OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, JsonMapper mapper,
			EventsProperties properties) {
		return new OutboxRelay(mongo, kafka, mapper, properties);
	}

	@Bean
	@ConditionalOnMissingBean
	ProcessedEvents processedEvents(MongoTemplate mongo, Clock clock) {
		return new ProcessedEvents(mongo, clock);
	}

	@Bean
	@ConditionalOnMissingBean
	DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, String> kafka, EventsProperties properties) {
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
				(record, ex) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer,
				new FixedBackOff(500L, properties.consumerRetries()));
		// a message that is not a valid event will never become one: straight to the dead-letter topic
		handler.addNotRetryableExceptions(MalformedEventException.class);
		return handler;
	}

	/**
	 * The platform's topics. Identity's and listings' events feed other services' read models, which must be
	 * rebuildable from nothing; booking's own projections (calendars, ledger, impact) rebuild from its topic: the four
	 * event topics keep their events forever ({@code retention.ms=-1}); dead letters keep the broker default.
	 */
	@Bean
	KafkaAdmin.NewTopics mutualisTopics() {
		return new KafkaAdmin.NewTopics(
				TopicBuilder.name(Topics.IDENTITY).partitions(3).config(TopicConfig.RETENTION_MS_CONFIG, "-1").build(),
				TopicBuilder.name(Topics.LISTINGS).partitions(3).config(TopicConfig.RETENTION_MS_CONFIG, "-1").build(),
				TopicBuilder.name(Topics.BOOKINGS).partitions(3).config(TopicConfig.RETENTION_MS_CONFIG, "-1").build(),
				TopicBuilder.name(Topics.CONVERSATIONS).partitions(3).config(TopicConfig.RETENTION_MS_CONFIG, "-1").build(),
				TopicBuilder.name(Topics.deadLetter(Topics.IDENTITY)).partitions(1).build(),
				TopicBuilder.name(Topics.deadLetter(Topics.LISTINGS)).partitions(1).build(),
				TopicBuilder.name(Topics.deadLetter(Topics.BOOKINGS)).partitions(1).build(),
				TopicBuilder.name(Topics.deadLetter(Topics.CONVERSATIONS)).partitions(1).build());
	}

}
