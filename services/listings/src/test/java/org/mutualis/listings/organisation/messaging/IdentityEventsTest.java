package org.mutualis.listings.organisation.messaging;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mutualis.contracts.EventContracts;
import org.mutualis.listings.ApiTestSupport;
import org.mutualis.listings.organisation.OrganisationStanding;
import org.mutualis.listings.organisation.OrganisationStatus;
import org.mutualis.platform.events.ProcessedEvents;
import org.mutualis.platform.events.Topics;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class IdentityEventsTest extends ApiTestSupport {

	@Autowired
	private IdentityEvents events;

	@Autowired
	private KafkaTemplate<String, String> kafka;

	@Test
	void everyOrganisationContractExampleParses() {
		Map<String, String> examples = examples();
		assertThat(examples).containsKeys("mutualis.organisation.approved.v1", "mutualis.organisation.suspended.v1");
		examples.forEach((type, json) -> this.events.apply(withFreshIds(json)));
	}

	@Test
	void approvalAndSuspensionAreAppliedOnceEvenWhenDeliveredTwice() {
		String organisation = UUID.randomUUID().toString();
		String approved = withOrganisation(examples().get("mutualis.organisation.approved.v1"), organisation);
		assertThat(this.events.apply(approved)).isTrue();
		assertThat(this.events.apply(approved)).isFalse();
		assertThat(this.organisations.standingOf(organisation)).isEqualTo(OrganisationStanding.APPROVED);
		assertThat(this.organisations.find(organisation)).hasValueSatisfying((o) -> assertThat(o.name()).isNotBlank());

		String suspended = withOrganisation(examples().get("mutualis.organisation.suspended.v1"), organisation);
		assertThat(this.events.apply(suspended)).isTrue();
		assertThat(this.events.apply(suspended)).isFalse();
		assertThat(this.organisations.find(organisation)).hasValueSatisfying(
				(o) -> assertThat(o.status()).isEqualTo(OrganisationStatus.SUSPENDED));
		// a late redelivery of the approval must not undo the suspension
		assertThat(this.events.apply(approved)).isFalse();
		assertThat(this.organisations.standingOf(organisation)).isEqualTo(OrganisationStanding.NOT_APPROVED);
	}

	@Test
	void approvalDeliveredTwiceThroughKafkaIsRecordedOnce() {
		String organisation = UUID.randomUUID().toString();
		String approved = withOrganisation(examples().get("mutualis.organisation.approved.v1"), organisation);
		this.kafka.send(Topics.IDENTITY, organisation, approved).join();
		this.kafka.send(Topics.IDENTITY, organisation, approved).join();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.organisations.standingOf(organisation))
				.isEqualTo(OrganisationStanding.APPROVED));
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
				this.mongo.count(Query.query(Criteria.where("subject").is(organisation).and("consumer").is(IdentityEvents.CONSUMER)),
						ProcessedEvents.COLLECTION))
			.isEqualTo(1));
	}

	@Test
	void unknownEventTypesAreSkipped() {
		String unknown = """
				{"specversion":"1.0","id":"%s","source":"/mutualis/identity","type":"mutualis.organisation.renamed.v9",
				 "subject":"x","time":"2026-01-01T00:00:00Z","datacontenttype":"application/json",
				 "data":{"organisationId":"x"}}""".formatted(UUID.randomUUID());
		assertThat(this.events.apply(unknown)).isFalse();
		assertThat(this.organisations.find("x")).isEmpty();
	}

	/** The contract examples once identity has published them; an example-shaped copy otherwise. */
	private static Map<String, String> examples() {
		Map<String, String> examples = EventContracts.examples("mutualis.organisation.");
		if (!examples.isEmpty()) {
			return examples;
		}
		return Map.of("mutualis.organisation.approved.v1", envelope("approved",
				"\"name\":\"Coopérative La Ruche\",\"mrc\":\"Vaudreuil-Soulanges\",\"municipality\":\"Vaudreuil-Dorion\",\"approvedAt\":\"2026-03-03T09:00:00Z\""),
				"mutualis.organisation.suspended.v1",
				envelope("suspended", "\"reason\":\"Documents manquants\",\"suspendedAt\":\"2026-03-04T09:00:00Z\""));
	}

	private static String envelope(String fact, String fields) {
		return """
				{"specversion":"1.0","id":"%s","source":"/mutualis/identity","type":"mutualis.organisation.%s.v1",
				 "subject":"5e1f0001-0000-4000-8000-000000000001","time":"2026-03-03T09:00:00Z",
				 "datacontenttype":"application/json",
				 "data":{"organisationId":"5e1f0001-0000-4000-8000-000000000001",%s}}"""
			.formatted(UUID.randomUUID(), fact, fields);
	}

	private static String withOrganisation(String example, String organisation) {
		return withFreshIds(example).replaceAll("5e1f000\\d-0000-4000-8000-00000000000\\d", organisation);
	}

	private static String withFreshIds(String example) {
		return example.replaceFirst("\"id\"\\s*:\\s*\"[^\"]+\"", "\"id\": \"" + UUID.randomUUID() + "\"");
	}

}
