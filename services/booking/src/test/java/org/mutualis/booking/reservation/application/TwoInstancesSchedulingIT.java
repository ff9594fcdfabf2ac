package org.mutualis.booking.reservation.application;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.mutualis.booking.BookingApplication;
import org.mutualis.platform.test.TestInfrastructure;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two booking instances on one database, their jobs scheduled every two seconds: ShedLock lets exactly one instance
 * execute each job at each tick.
 */
class TwoInstancesSchedulingIT {

	private static final List<String> JOBS = List.of("booking-expiry", "booking-completion", "booking-reminders",
			"booking-hold-repair");

	@Test
	void eachJobRunsOncePerTickAcrossTwoInstances() {
		TestInfrastructure infrastructure = TestInfrastructure.get();
		String store = infrastructure.freshMongoDatabaseUri("booking-scheduling");
		String[] arguments = { "--spring.mongodb.uri=" + store, TestInfrastructure.databaseArgument(store),
				"--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
				"--spring.kafka.consumer.group-id=scheduling-" + UUID.randomUUID(), "--server.port=0",
				"--mutualis.booking.jobs.cron=*/2 * * * * *", "--mutualis.booking.jobs.lock-at-least-for=PT1S" };
		try (ConfigurableApplicationContext first = start(arguments);
				ConfigurableApplicationContext second = start(arguments)) {
			MongoTemplate mongo = first.getBean(MongoTemplate.class);
			await().atMost(Duration.ofSeconds(40)).until(() -> JOBS.stream().allMatch((job) -> ticks(mongo, job) >= 5));
			Map<String, Integer> runsPerTick = new HashMap<>();
			Set<String> instances = new HashSet<>();
			for (Document run : mongo.findAll(Document.class, BookingJobs.RUNS)) {
				long tick = run.getDate("startedAt").getTime() / 2000;
				runsPerTick.merge(run.getString("job") + "@" + tick, 1, Integer::sum);
				instances.add(run.getString("instance"));
			}
			assertThat(runsPerTick).allSatisfy((tick, runs) -> assertThat(runs).as(tick).isEqualTo(1));
			assertThat(second.getBean(BookingJobs.class)).isNotNull();
			assertThat(instances).isNotEmpty();
		}
	}

	private static long ticks(MongoTemplate mongo, String job) {
		return mongo.getCollection(BookingJobs.RUNS).countDocuments(new Document("job", job));
	}

	private static ConfigurableApplicationContext start(String[] arguments) {
		return new SpringApplicationBuilder(BookingApplication.class).run(arguments);
	}

}
