package org.mutualis.booking.organisation.messaging;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mutualis.booking.BookingTestSupport;
import org.mutualis.booking.organisation.Organisation;
import org.mutualis.booking.organisation.OrganisationStatus;
import org.mutualis.contracts.EventContracts;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityEventsTest extends BookingTestSupport {

	private static final String EXAMPLE_ORGANISATION = "5e1f0001-0000-4000-8000-000000000001";

	@Autowired
	private IdentityEvents events;

	@Test
	void everyIdentityContractExampleParses() {
		Map<String, String> examples = EventContracts.examples("mutualis.");
		examples.forEach((type, json) -> {
			if (type.startsWith("mutualis.organisation.") || type.startsWith("mutualis.membership.")
					|| type.startsWith("mutualis.person.")) {
				boolean applied = this.events.apply(fresh(json, UUID.randomUUID().toString()));
				assertThat(applied).as(type).isEqualTo(type.startsWith("mutualis.organisation."));
			}
		});
	}

	@Test
	void registrationBringsSectorAndLanguageAndOnlyApprovalLetsItBook() {
		String id = UUID.randomUUID().toString();
		this.events.apply(fresh(example("registered"), id));
		Organisation registered = this.organisations.find(id).orElseThrow();
		assertThat(registered.status()).isEqualTo(OrganisationStatus.REGISTERED);
		assertThat(registered.mayBook()).isFalse();
		assertThat(registered.sector()).isEqualTo("Alimentation");
		assertThat(registered.preferredLanguage()).isEqualTo("fr");
		assertThat(registered.mrc()).isEqualTo("Vaudreuil-Soulanges");
		this.events.apply(fresh(example("approved"), id));
		assertThat(this.organisations.find(id).orElseThrow().mayBook()).isTrue();
		assertThat(this.organisations.find(id).orElseThrow().sector()).isEqualTo("Alimentation");
		this.events.apply(fresh(example("suspended"), id));
		assertThat(this.organisations.find(id).orElseThrow().mayBook()).isFalse();
		this.events.apply(fresh(example("reactivated"), id));
		assertThat(this.organisations.find(id).orElseThrow().mayBook()).isTrue();
	}

	@Test
	void aRedeliveredEventIsAppliedOnce() {
		String id = UUID.randomUUID().toString();
		String approved = fresh(example("approved"), id);
		assertThat(this.events.apply(approved)).isTrue();
		assertThat(this.events.apply(approved)).isFalse();
		assertThat(this.mongo.getCollection("organisations").find(new org.bson.Document("_id", id)).first()
			.getInteger("eventsApplied")).isEqualTo(1);
	}

	private static String example(String fact) {
		return EventContracts.examples("mutualis.organisation.").get("mutualis.organisation." + fact + ".v1");
	}

	private static String fresh(String example, String organisationId) {
		return example.replaceFirst("\"id\"\\s*:\\s*\"[^\"]+\"", "\"id\": \"" + UUID.randomUUID() + "\"")
			.replace(EXAMPLE_ORGANISATION, organisationId);
	}

}
