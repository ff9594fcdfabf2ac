package org.mutualis.platform.security;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mutualis.contracts.EventContracts;
import org.mutualis.platform.events.EventEnvelope;
import org.mutualis.platform.events.ProcessedEvents;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/** The platform's consumer of identity events reads every example of identity's contracts. */
class IdentityEventsContractTest {

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final TokenRevocations revocations = mock(TokenRevocations.class);

	private final IdentityEventsListener listener = new IdentityEventsListener(this.revocations,
			mock(ProcessedEvents.class), this.mapper);

	@Test
	void parsesEveryIdentityExample() {
		Map<String, String> examples = EventContracts.examples("mutualis.organisation.");
		examples.putAll(EventContracts.examples("mutualis.membership."));
		examples.putAll(EventContracts.examples("mutualis.person."));
		assertThat(examples).containsKeys("mutualis.organisation.suspended.v1", "mutualis.organisation.reactivated.v1",
				"mutualis.membership.left.v1", "mutualis.membership.role-changed.v1");
		examples.forEach((type, json) -> this.listener.apply(EventEnvelope.fromJson(this.mapper, json)));
	}

	@Test
	void aSuspensionExampleRevokesTheOrganisationsTokens() {
		EventEnvelope suspended = example("mutualis.organisation.suspended.v1");
		this.listener.apply(suspended);
		verify(this.revocations).organisationSuspended(suspended.data().get("organisationId").asString(),
				Instant.parse(suspended.data().get("suspendedAt").asString()));
	}

	@Test
	void aDepartureExampleRevokesThePersonsEarlierTokens() {
		EventEnvelope left = example("mutualis.membership.left.v1");
		this.listener.apply(left);
		verify(this.revocations).membershipChanged(left.data().get("organisationId").asString(),
				left.data().get("personId").asString(), Instant.parse(left.data().get("leftAt").asString()));
	}

	@Test
	void anApprovalExampleRevokesNothing() {
		this.listener.apply(example("mutualis.organisation.approved.v1"));
		verify(this.revocations, never()).organisationSuspended(anyString(), any());
		verify(this.revocations, never()).membershipChanged(anyString(), anyString(), any());
	}

	private EventEnvelope example(String type) {
		return EventEnvelope.fromJson(this.mapper, EventContracts.examples(type).get(type));
	}

}
