package org.mutualis.booking.organisation.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.mutualis.booking.organisation.OrganisationStatus;
import org.mutualis.booking.organisation.Organisations;
import org.mutualis.platform.events.EventEnvelope;
import org.mutualis.platform.events.MalformedEventException;
import org.mutualis.platform.events.ProcessedEvents;
import org.mutualis.platform.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Applies identity's organisation events to the organisation read model, each once: registration brings the name,
 * sector, MRC and preferred language; approval, rejection, suspension and reactivation change the standing. Other
 * identity events (people, memberships) are skipped here; the platform consumes them for token revocation.
 */
@Component
public class IdentityEvents {

	/** Name under which applied events are remembered. */
	public static final String CONSUMER = "booking-organisation-directory";

	private static final Logger log = LoggerFactory.getLogger(IdentityEvents.class);

	private final Organisations organisations;

	private final ProcessedEvents processed;

	private final JsonMapper mapper;

	IdentityEvents(Organisations organisations, ProcessedEvents processed, JsonMapper mapper) {
		this.organisations = organisations;
		this.processed = processed;
		this.mapper = mapper;
	}

	@KafkaListener(id = "booking-identity-events",
			groupId = "${spring.kafka.consumer.group-id}-organisation-directory", topics = Topics.IDENTITY)
	void onMessage(ConsumerRecord<String, String> record) {
		apply(record.value());
	}

	/**
	 * Applies one envelope received from the identity topic.
	 * @param json the CloudEvents JSON text
	 * @return whether it changed the read model (false for duplicates and types not used here)
	 */
	public boolean apply(String json) {
		EventEnvelope event = EventEnvelope.fromJson(this.mapper, json);
		OrganisationStatus status = switch (event.type()) {
			case "mutualis.organisation.registered.v1" -> OrganisationStatus.REGISTERED;
			case "mutualis.organisation.approved.v1", "mutualis.organisation.reactivated.v1" -> OrganisationStatus.APPROVED;
			case "mutualis.organisation.rejected.v1" -> OrganisationStatus.REJECTED;
			case "mutualis.organisation.suspended.v1" -> OrganisationStatus.SUSPENDED;
			default -> null;
		};
		if (status == null) {
			log.debug("identity event type {} is not used here", event.type());
			return false;
		}
		return this.processed.applyOnce(CONSUMER, event, (envelope) -> {
			OrganisationEventData data;
			try {
				data = this.mapper.treeToValue(envelope.data(), OrganisationEventData.class);
			}
			catch (JacksonException ex) {
				throw new MalformedEventException("unreadable organisation event: " + ex.getMessage());
			}
			if (data.organisationId() == null) {
				throw new MalformedEventException("organisation event without organisationId");
			}
			this.organisations.record(data.organisationId(), status, data.name(), data.sector(), data.mrc(),
					data.preferredLanguage(), envelope.time());
		});
	}

}
