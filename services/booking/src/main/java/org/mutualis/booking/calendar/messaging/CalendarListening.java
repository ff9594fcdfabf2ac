package org.mutualis.booking.calendar.messaging;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;

/**
 * The listener container factory of the calendar's consumer, which takes what the broker has in one batch: Boot's
 * settings and the platform's error handler (retries, dead letters), offsets committed after each batch.
 */
@Configuration(proxyBeanMethods = false)
class CalendarListening {

	/** Bean name of the factory. */
	static final String FACTORY = "calendarListenerContainerFactory";

	@Bean(FACTORY)
	ConcurrentKafkaListenerContainerFactory<Object, Object> calendarListenerContainerFactory(
			ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers) {
		ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
		configurer.configure(factory, consumers);
		factory.setBatchListener(true);
		// a failing record is named by its index (BatchListenerFailedException): those before it are committed
		factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
		return factory;
	}

}
