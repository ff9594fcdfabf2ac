package org.mutualis.notifications.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.mutualis.notifications.directory.Memberships;
import org.mutualis.notifications.directory.Organisation;
import org.mutualis.notifications.directory.Organisations;
import org.mutualis.notifications.directory.People;
import org.mutualis.notifications.inbox.WhoIsTold;
import org.mutualis.notifications.inbox.application.Notifying;
import org.mutualis.platform.events.EventEnvelope;
import org.mutualis.platform.events.MalformedEventException;
import org.mutualis.platform.events.ProcessedEvents;
import org.mutualis.platform.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Applies identity's events to the directory, each once: people (e-mail, name, language, whether they administer
 * the platform), organisations (name, standing, language) and memberships (who manages and who belongs to which
 * organisation); then tells an organisation's managers that it was approved or rejected (in-app and by e-mail:
 * identity no longer sends that e-mail).
 */
@Component
public class IdentityEvents {

	/** Name under which applied events are remembered. */
	public static final String CONSUMER = "notifications-identity";

	private static final Logger log = LoggerFactory.getLogger(IdentityEvents.class);

	private final People people;

	private final Organisations organisations;

	private final Memberships memberships;

	private final WhoIsTold whoIsTold;

	private final Notifying notifying;

	private final ProcessedEvents processed;

	private final JsonMapper mapper;

	IdentityEvents(People people, Organisations organisations, Memberships memberships,
			WhoIsTold whoIsTold, Notifying notifying, ProcessedEvents processed, JsonMapper mapper) {
		this.people = people;
		this.organisations = organisations;
		this.memberships = memberships;
		this.whoIsTold = whoIsTold;
		this.notifying = notifying;
		this.processed = processed;
		this.mapper = mapper;
	}

	@KafkaListener(id = "notifications-identity", groupId = "${spring.kafka.consumer.group-id}-identity",
			topics = Topics.IDENTITY)
	void onMessage(ConsumerRecord<String, String> record) {
		apply(record.value());
	}

	/**
	 * Applies one envelope received from the identity topic.
	 * @param json the CloudEvents JSON text
	 * @return whether it was applied now (false for duplicates and types not used here)
	 */
	public boolean apply(String json) {
		EventEnvelope event = EventEnvelope.fromJson(this.mapper, json);
		String type = event.type();
		switch (type) {
			case "mutualis.person.registered.v1", "mutualis.person.profile-changed.v1",
					"mutualis.person.email-changed.v1" -> {
				return this.processed.applyOnce(CONSUMER, event, this::person);
			}
			case "mutualis.person.administrator-granted.v1" -> {
				return this.processed.applyOnce(CONSUMER, event, (envelope) -> administrator(envelope, true));
			}
			case "mutualis.person.administrator-revoked.v1" -> {
				return this.processed.applyOnce(CONSUMER, event, (envelope) -> administrator(envelope, false));
			}
			default -> {
				// organisation and membership events below
			}
		}
		if (type.startsWith("mutualis.organisation.")) {
			String status = switch (type) {
				case "mutualis.organisation.registered.v1" -> "REGISTERED";
				case "mutualis.organisation.approved.v1", "mutualis.organisation.reactivated.v1" -> "APPROVED";
				case "mutualis.organisation.rejected.v1" -> "REJECTED";
				case "mutualis.organisation.suspended.v1" -> "SUSPENDED";
				default -> null;
			};
			if (status != null) {
				return this.processed.applyOnce(CONSUMER, event, (envelope) -> organisation(envelope, status));
			}
		}
		if (type.startsWith("mutualis.membership.")) {
			return this.processed.applyOnce(CONSUMER, event, this::membership);
		}
		log.debug("identity event type {} is not used here", type);
		return false;
	}

	/** A person registered, changed their name or language, or proved a new address: what the event carries wins. */
	private void person(EventEnvelope event) {
		PersonFacts person = read(event, PersonFacts.class);
		if (person.personId() == null) {
			throw new MalformedEventException(event.type() + " without personId");
		}
		this.people.record(person.personId(), person.email(), person.displayName(), person.preferredLanguage());
	}

	private void administrator(EventEnvelope event, boolean administrator) {
		PersonFacts person = read(event, PersonFacts.class);
		if (person.personId() == null) {
			throw new MalformedEventException(event.type() + " without personId");
		}
		this.people.administrator(person.personId(), administrator);
	}

	private void organisation(EventEnvelope event, String status) {
		OrganisationFacts facts = read(event, OrganisationFacts.class);
		if (facts.organisationId() == null) {
			throw new MalformedEventException(event.type() + " without organisationId");
		}
		this.organisations.record(facts.organisationId(), status, facts.name(), facts.preferredLanguage(), event.time());
		String fact = event.type().substring("mutualis.organisation.".length(), event.type().length() - ".v1".length());
		String language = this.organisations.find(facts.organisationId()).map(Organisation::language).orElse(null);
		this.whoIsTold.organisation(event.id(), fact, facts.organisationId(), language, facts.reason(), event.time())
			.ifPresent(this.notifying::tell);
	}

	private void membership(EventEnvelope event) {
		MembershipFacts facts = read(event, MembershipFacts.class);
		if (facts.organisationId() == null || facts.personId() == null) {
			throw new MalformedEventException(event.type() + " without organisationId or personId");
		}
		switch (event.type()) {
			case "mutualis.membership.left.v1" -> this.memberships.leave(facts.organisationId(), facts.personId());
			case "mutualis.membership.joined.v1", "mutualis.membership.role-changed.v1" -> {
				if (facts.role() == null) {
					throw new MalformedEventException(event.type() + " without role");
				}
				this.memberships.join(facts.organisationId(), facts.personId(), facts.role());
			}
			default -> log.debug("membership event type {} is not used here", event.type());
		}
	}

	private <T> T read(EventEnvelope event, Class<T> type) {
		try {
			return this.mapper.treeToValue(event.data(), type);
		}
		catch (RuntimeException ex) {
			throw new MalformedEventException(event.type() + " data unreadable: " + ex.getMessage());
		}
	}

}
