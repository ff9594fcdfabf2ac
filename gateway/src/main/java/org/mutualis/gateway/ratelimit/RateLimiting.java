package org.mutualis.gateway.ratelimit;

import org.mutualis.gateway.web.ProblemResponses;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/** Chooses the budget store from {@code mutualis.gateway.rate-limit.store} and installs the rate-limit filter. */
@Configuration(proxyBeanMethods = false)
class RateLimiting {

	@Bean
	Budget rateLimitBudget(RateLimitProperties properties, ObjectProvider<LettuceConnectionFactory> redis) {
		LocalBudget local = new LocalBudget();
		return switch (properties.store()) {
			case MEMORY -> local;
			case REDIS -> {
				LettuceConnectionFactory connections = redis.getObject();
				// Bucket4j opens its own connection from the client of spring.data.redis.* (started here if need be)
				RedisBudget shared = new RedisBudget(() -> {
					connections.start();
					return connections.getRequiredNativeClient();
				}, properties.redisTimeout(),
						properties.redisPauseAfterFailure(), properties.whenRedisUnavailable(), local);
				shared.connect().subscribe();
				yield shared;
			}
		};
	}

	@Bean
	RateLimitFilter rateLimitFilter(RateLimitProperties properties, Budget rateLimitBudget,
			ProblemResponses problems, JsonMapper json) {
		return new RateLimitFilter(properties, rateLimitBudget, problems, new RequestTargets(json));
	}

}
