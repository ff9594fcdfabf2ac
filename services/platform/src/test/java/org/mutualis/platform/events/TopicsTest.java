package org.mutualis.platform.events;

import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The event topics are sized and replicated as configured; the local default leaves replication to the broker. */
class TopicsTest {

	@Test
	void localDefaultsKeepThreePartitionsAndTheBrokersReplication() {
		List<NewTopic> topics = topics(new TopicsProperties(3, null, null));
		NewTopic bookings = named(topics, Topics.BOOKINGS);
		assertThat(bookings.numPartitions()).isEqualTo(3);
		assertThat(bookings.replicationFactor()).isEqualTo((short) -1);
		assertThat(bookings.configs()).containsEntry("retention.ms", "-1").doesNotContainKey("min.insync.replicas");
		assertThat(named(topics, Topics.deadLetter(Topics.BOOKINGS)).numPartitions()).isEqualTo(1);
	}

	@Test
	void productionSettingsReplicateEveryTopic() {
		List<NewTopic> topics = topics(new TopicsProperties(6, (short) 3, 2));
		assertThat(topics).hasSize(8).allSatisfy((topic) -> {
			assertThat(topic.replicationFactor()).isEqualTo((short) 3);
			assertThat(topic.configs()).containsEntry("min.insync.replicas", "2");
		});
		assertThat(named(topics, Topics.IDENTITY).numPartitions()).isEqualTo(6);
		assertThat(named(topics, Topics.deadLetter(Topics.IDENTITY)).numPartitions()).isEqualTo(1);
	}

	private static List<NewTopic> topics(TopicsProperties properties) {
		return EventsAutoConfiguration.topics(properties);
	}

	private static NewTopic named(List<NewTopic> topics, String name) {
		Optional<NewTopic> topic = topics.stream().filter((candidate) -> candidate.name().equals(name)).findFirst();
		assertThat(topic).as(name).isPresent();
		return topic.get();
	}

}
