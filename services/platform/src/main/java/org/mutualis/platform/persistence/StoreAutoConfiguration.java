package org.mutualis.platform.persistence;

import java.util.concurrent.TimeUnit;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Bounds every wait on the MongoDB store, so that a store that stops answering costs seconds, not minutes, and applies
 * the configured write and read concerns ({@link StoreConsistency}).
 */
@AutoConfiguration(beforeName = "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration")
@ConditionalOnClass(MongoClientSettingsBuilderCustomizer.class)
@EnableConfigurationProperties(StoreProperties.class)
public class StoreAutoConfiguration {

	@Bean
	MongoClientSettingsBuilderCustomizer mutualisStoreTimeouts(StoreProperties properties) {
		return (settings) -> settings
			.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(
					properties.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
			.applyToSocketSettings((socket) -> socket
				.connectTimeout((int) properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
				.readTimeout((int) properties.readTimeout().toMillis(), TimeUnit.MILLISECONDS))
			.applyToServerSettings((server) -> server.heartbeatFrequency(properties.heartbeatFrequency().toMillis(),
					TimeUnit.MILLISECONDS));
	}

	@Bean
	StoreConsistency mutualisStoreConsistency(StoreProperties properties) {
		return new StoreConsistency(properties);
	}

}
