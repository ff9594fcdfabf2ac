package org.mutualis.gateway.ratelimit;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutualis.gateway.RedisProcess;
import org.mutualis.gateway.ratelimit.Budget.Outcome;
import org.mutualis.gateway.ratelimit.RateLimitProperties.Limit;
import org.mutualis.gateway.ratelimit.RateLimitProperties.RedisFallback;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The Redis budget against a real {@code redis-server}: Bucket4j's buckets there, and riding out a Redis restart. */
class RedisBudgetTest {

	private final Limit twoPerMinute = new Limit(2, Duration.ofMinutes(1));

	private RedisProcess redis;

	private LettuceConnectionFactory connections;

	private ReactiveStringRedisTemplate template;

	private RedisBudget budget;

	@BeforeEach
	void startRedis() throws Exception {
		assumeTrue(RedisProcess.available(), "redis-server is not installed");
		this.redis = RedisProcess.start();
		this.connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", this.redis.port()));
		this.connections.afterPropertiesSet();
		this.connections.start();
		this.template = new ReactiveStringRedisTemplate(this.connections);
		this.budget = new RedisBudget(this.connections::getRequiredNativeClient, Duration.ofSeconds(3), Duration.ofMillis(200), RedisFallback.LOCAL,
				new LocalBudget());
		// as the gateway does at start-up: the first request does not pay for the connection
		this.budget.connect().block();
	}

	@AfterEach
	void stopRedis() throws Exception {
		if (this.connections != null) {
			this.connections.destroy();
		}
		if (this.redis != null) {
			this.redis.close();
		}
	}

	@Test
	void countsEachWindowInRedis() {
		assertThat(this.budget.take("person:a", this.twoPerMinute).block()).isEqualTo(new Outcome.Allowed(1));
		assertThat(this.budget.take("person:a", this.twoPerMinute).block()).isEqualTo(new Outcome.Allowed(0));
		assertThat(this.budget.take("person:a", this.twoPerMinute).block()).isInstanceOfSatisfying(
				Outcome.Exhausted.class, (exhausted) -> assertThat(exhausted.retryAfter()).isPositive()
					.isLessThanOrEqualTo(Duration.ofMinutes(1)));
		assertThat(this.template.getExpire("mutualis:rate:person:a").block()).isPositive()
			.isLessThanOrEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void countsLocallyWhileRedisIsDownAndSharesAgainOnceItIsBack() throws Exception {
		int port = this.redis.port();
		this.redis.close();
		assertThat(this.budget.take("person:b", this.twoPerMinute).block()).isInstanceOf(Outcome.Allowed.class);
		this.redis = RedisProcess.start(port);
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			this.budget.take("person:c", this.twoPerMinute).block();
			assertThat(this.template.hasKey("mutualis:rate:person:c").block()).isTrue();
		});
	}

}
