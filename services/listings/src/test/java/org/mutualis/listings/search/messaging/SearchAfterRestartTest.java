package org.mutualis.listings.search.messaging;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mutualis.listings.ListingFixtures;
import org.mutualis.listings.ListingsApplication;
import org.mutualis.listings.listing.Listing;
import org.mutualis.listings.listing.application.ListingManagement;
import org.mutualis.listings.listing.application.ListingModeration;
import org.mutualis.listings.organisation.OrganisationStatus;
import org.mutualis.listings.organisation.Organisations;
import org.mutualis.listings.search.SearchQuery;
import org.mutualis.listings.search.application.ListingSearch;
import org.mutualis.platform.events.Topics;
import org.mutualis.platform.security.Actor;
import org.mutualis.platform.test.TestActors;
import org.mutualis.platform.test.TestInfrastructure;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search index after a restart: a second application context on the same store and the same persistent index
 * directory holds each published listing once, and so it does after its feed's partitions are assigned again.
 */
class SearchAfterRestartTest {

	@Test
	void aRestartAndRepeatedPartitionAssignmentsLeaveOneCopyOfEachListing(@TempDir Path indexDirectory) {
		String store = TestInfrastructure.get().freshMongoDatabaseUri("listings-restart");
		String published;
		try (ConfigurableApplicationContext first = start(store, indexDirectory)) {
			first.getBean(Organisations.class)
				.record(TestActors.ORG_A, OrganisationStatus.APPROVED, "Organisation A", null, null, Instant.now());
			ListingManagement management = first.getBean(ListingManagement.class);
			Actor manager = new Actor(TestActors.MANAGER_A.personId(), TestActors.ORG_A, Set.of(Actor.MANAGER));
			Actor admin = new Actor(TestActors.ADMIN.personId(), null, Set.of(Actor.ADMIN));
			Listing draft = management.create(manager, ListingFixtures.room());
			Listing pending = management.submit(manager, draft.id(), draft.version());
			published = first.getBean(ListingModeration.class).publish(admin, pending.id(), pending.version()).id();
			management.create(manager, ListingFixtures.room());
			assertThat(first.getBean(ListingSearch.class).search(SearchQuery.all()).results().total()).isEqualTo(1);
		}
		try (ConfigurableApplicationContext second = start(store, indexDirectory)) {
			ListingSearch search = second.getBean(ListingSearch.class);
			assertThat(search.search(SearchQuery.all()).results().total()).isEqualTo(1);

			ListingIndexFeed feed = second.getBean(ListingIndexFeed.class);
			Map<TopicPartition, Long> partitions = Map.of(new TopicPartition(Topics.LISTINGS, 0), 0L);
			feed.onPartitionsAssigned(partitions, null);
			feed.onPartitionsAssigned(partitions, null);
			search.rebuild();
			ListingSearch.Found found = search.search(SearchQuery.all());
			assertThat(found.results().total()).isEqualTo(1);
			assertThat(found.matches()).extracting((match) -> match.listing().id()).containsExactly(published);
		}
	}

	private static ConfigurableApplicationContext start(String store, Path indexDirectory) {
		TestInfrastructure infrastructure = TestInfrastructure.get();
		// command-line arguments, because the imported defaults outrank the builder's default properties
		return new SpringApplicationBuilder(ListingsApplication.class).run("--server.port=0",
				"--spring.mongodb.uri=" + store, TestInfrastructure.databaseArgument(store),
				"--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
				"--spring.kafka.consumer.group-id=listings-restart-" + UUID.randomUUID(),
				"--mutualis.listings.search.index-directory=" + indexDirectory);
	}

}
