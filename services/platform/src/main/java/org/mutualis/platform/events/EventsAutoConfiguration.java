package org.mutualis.platform.events;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.mutualis.platform.persistence.AggregateStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.databind.json.JsonMapper;

/** Wires the outbox relay, the processed-event registry, dead-letter handling and the topics of the platform. */
@AutoConfiguration(after = org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration.class)
@ConditionalOnProperty("mutualis.events.source")
@EnableConfigurationProperties({ EventsProperties.class, ClockProperties.class, TopicsProperties.class })
public class EventsAutoConfiguration {

	/** Bean name of the listener container factory for batch consumers. */
	public static final String BATCH_LISTENER_FACTORY = "batchListenerContainerFactory";

	@Bean
	@ConditionalOnMissingBean
	Clock clock(ClockProperties properties) {
		return properties.offset().isZero() ? Clock.systemUTC() : Clock.offset(Clock.systemUTC(), properties.offset());
	}

	@Bean
	@ConditionalOnMissingBean
	EventTracing eventTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		return new EventTracing(tracer.getIfUnique(), propagator.getIfUnique());
	}

	@Bean
	@ConditionalOnMissingBean
	EventRecorder eventRecorder(JsonMapper mapper, Clock clock, EventTracing tracing) {
		return new EventRecorder(mapper, clock, tracing);
	}

	@Bean
	@ConditionalOnMissingBean
	AggregateStore aggregateStore(MongoTemplate mongo, EventRecorder recorder) {
		return new AggregateStore(mongo, recorder);
	}

	@Bean
	@ConditionalOnMissingBean
	OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, JsonMapper mapper,
			EventsProperties properties, EventTracing tracing) {
		return new OutboxRelay(mongo, kafka, mapper, properties, tracing);
	}

	@Bean
	OutboxBacklog outboxBacklog(OutboxRelay relay, EventsProperties properties) {
		return new OutboxBacklog(relay, properties);
	}

	@Bean
	@ConditionalOnMissingBean
	ProcessedEvents processedEvents(MongoTemplate mongo, Clock clock) {
		return new ProcessedEvents(mongo, clock);
	}

	/**
	 * The listener container factory of consumers that take what the broker has in one poll
	 * ({@code @KafkaListener(containerFactory = EventsAutoConfiguration.BATCH_LISTENER_FACTORY)}, a {@code List} of
	 * records): Boot's settings and the platform's error handler (retries, dead letters; a failing record is named by
	 * its index with {@code BatchListenerFailedException}, and those before it are committed), offsets committed after
	 * each batch. With {@link ProcessedEvents#appliedAmong} and {@link ProcessedEvents#rememberAll} a batch costs a
	 * few store commands instead of two per event.
	 * @param configurer Boot's configurer
	 * @param consumers the consumer factory
	 * @return the factory
	 */
	@Bean(BATCH_LISTENER_FACTORY)
	@ConditionalOnMissingBean(name = BATCH_LISTENER_FACTORY)
	ConcurrentKafkaListenerContainerFactory<Object, Object> batchListenerContainerFactory(
			ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers) {
		ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
		configurer.configure(factory, consumers);
		factory.setBatchListener(true);
		factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
		return factory;
	}

	@Bean
	@ConditionalOnMissingBean
	RecordTraces recordTraces(ObjectProvider<ObservationRegistry> observations) {
		return new RecordTraces(observations.getIfAvailable(() -> ObservationRegistry.NOOP));
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
	 * Partitions, replication factor and {@code min.insync.replicas} come from {@link TopicsProperties}.
	 * @param topics how topics are sized and replicated
	 * @return the topics the admin creates or completes at start
	 */
	@Bean
	KafkaAdmin.NewTopics mutualisTopics(TopicsProperties topics) {
		return new KafkaAdmin.NewTopics(topics(topics).toArray(NewTopic[]::new));
	}

	static List<NewTopic> topics(TopicsProperties topics) {
		List<NewTopic> all = new ArrayList<>();
		for (String topic : List.of(Topics.IDENTITY, Topics.LISTINGS, Topics.BOOKINGS, Topics.CONVERSATIONS)) {
			all.add(topic(TopicBuilder.name(topic).partitions(topics.partitions())
				.config(TopicConfig.RETENTION_MS_CONFIG, "-1"), topics));
		}
		for (String topic : List.of(Topics.IDENTITY, Topics.LISTINGS, Topics.BOOKINGS, Topics.CONVERSATIONS)) {
			all.add(topic(TopicBuilder.name(Topics.deadLetter(topic)).partitions(1), topics));
		}
		return all;
	}

	private static NewTopic topic(TopicBuilder builder, TopicsProperties topics) {
		Short replicationFactor = topics.replicationFactor();
		if (replicationFactor != null) {
			builder.replicas(replicationFactor);
		}
		Integer minInsyncReplicas = topics.minInsyncReplicas();
		if (minInsyncReplicas != null) {
			builder.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(minInsyncReplicas));
		}
		return builder.build();
	}

}
