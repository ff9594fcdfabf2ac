package org.mutualis.notifications.messaging;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mutualis.contracts.EventContracts;
import org.mutualis.notifications.NotificationsTestSupport;
import org.mutualis.notifications.directory.Administrators;
import org.mutualis.notifications.directory.Person;
import org.mutualis.notifications.inbox.Inbox;
import org.mutualis.notifications.inbox.Notification;
import org.mutualis.notifications.mail.MailQueue;
import org.mutualis.platform.events.MalformedEventException;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentityEventsTest extends NotificationsTestSupport {

	private static final java.util.Set<String> USED = java.util.Set.of("mutualis.person.registered.v1",
			"mutualis.person.profile-changed.v1", "mutualis.person.email-changed.v1",
			"mutualis.person.administrator-granted.v1", "mutualis.person.administrator-revoked.v1",
			"mutualis.organisation.registered.v1", "mutualis.organisation.approved.v1", "mutualis.organisation.rejected.v1",
			"mutualis.organisation.suspended.v1", "mutualis.organisation.reactivated.v1", "mutualis.membership.joined.v1",
			"mutualis.membership.left.v1", "mutualis.membership.role-changed.v1");

	@Autowired
	private IdentityEvents events;

	@Autowired
	private Inbox inbox;

	@Autowired
	private Administrators administrators;

	@Autowired
	private MailQueue mail;

	@Test
	void everyIdentityContractExampleParses() {
		Map<String, String> examples = EventContracts.examples("mutualis.");
		int used = 0;
		for (Map.Entry<String, String> example : examples.entrySet()) {
			String type = example.getKey();
			if (type.startsWith("mutualis.organisation.") || type.startsWith("mutualis.membership.")
					|| type.startsWith("mutualis.person.")) {
				String json = example.getValue().replaceFirst("\"id\"\\s*:\\s*\"[^\"]+\"", "\"id\": \"" + UUID.randomUUID() + "\"");
				// every example parses; the facts notifications keeps are applied, the others skipped
				boolean applied = this.events.apply(json);
				if (USED.contains(type)) {
					assertThat(applied).as(type).isTrue();
					used++;
				}
			}
		}
		assertThat(used).isEqualTo(USED.size());
	}

	@Test
	void aRegisteredPersonIsKnownWithTheirAddressNameAndLanguage() {
		String person = UUID.randomUUID().toString();
		this.events.apply(event("mutualis.person.registered.v1",
				Map.of("personId", person, "email", "ana@example.test", "preferredLanguage", "en"), Map.of()));
		assertThat(this.people.find(person)).contains(new Person(person, "ana@example.test", "Gestion La Ruche", "en"));
		// a later event without the language keeps it
		this.people.record(person, null, "Ana", null);
		assertThat(this.people.find(person).orElseThrow().language()).isEqualTo("en");
	}

	@Test
	void membershipsSayWhoManagesAnOrganisation() {
		String organisation = UUID.randomUUID().toString();
		String first = "p1-" + organisation;
		String second = "p2-" + organisation;
		this.events.apply(membership("joined", organisation, first, Map.of("role", "MANAGER")));
		this.events.apply(membership("joined", organisation, second, Map.of("role", "MEMBER")));
		assertThat(this.memberships.managersOf(organisation)).containsExactly(first);
		assertThat(this.memberships.membersOf(organisation)).containsExactly(first, second);
		this.events.apply(membership("role-changed", organisation, second, Map.of("role", "MANAGER")));
		assertThat(this.memberships.managersOf(organisation)).containsExactly(first, second);
		this.events.apply(membership("left", organisation, first, Map.of()));
		assertThat(this.memberships.managersOf(organisation)).containsExactly(second);
		assertThat(this.memberships.roleOf(organisation, first)).isEmpty();
	}

	@Test
	void anApprovalTellsTheOrganisationsManagersInTheirLanguageOnce() {
		String organisation = UUID.randomUUID().toString();
		String manager = "m-" + organisation;
		this.people.record(manager, manager + "@example.test", "Manager", null);
		this.events.apply(event("mutualis.organisation.registered.v1",
				Map.of("organisationId", organisation, "preferredLanguage", "en"), Map.of()));
		this.events.apply(membership("joined", organisation, manager, Map.of("role", "MANAGER")));
		String approved = event("mutualis.organisation.approved.v1", Map.of("organisationId", organisation), Map.of());
		assertThat(this.events.apply(approved)).isTrue();
		assertThat(this.events.apply(approved)).isFalse();
		List<Notification> items = this.inbox.page(manager, 0, 10).items();
		// the manager's own language is unknown: the organisation's (English) is used
		assertThat(items).extracting(Notification::title).containsExactly("Your organisation is approved");
		assertThat(items.get(0).link()).isEqualTo("/organisation");
		assertThat(this.organisations.find(organisation).orElseThrow().status()).isEqualTo("APPROVED");
		// identity no longer e-mails organisation decisions: notifications does, once
		org.springframework.data.mongodb.core.query.Query toManager = org.springframework.data.mongodb.core.query.Query
			.query(org.springframework.data.mongodb.core.query.Criteria.where("to").is(manager + "@example.test"));
		assertThat(this.mongo.count(toManager, MailQueue.COLLECTION)).isEqualTo(1);
		this.mail.sendDue(java.time.Instant.now().plusSeconds(1));
		assertThat(java.util.Arrays.stream(SMTP.getReceivedMessages()).filter((message) -> {
			try {
				return message.getAllRecipients()[0].toString().equals(manager + "@example.test");
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).map((message) -> {
			try {
				return message.getSubject();
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		})).containsExactly("Your organisation is approved");
	}

	@Test
	void profileAndAddressChangesReachThePeopleReadModel() {
		String person = UUID.randomUUID().toString();
		this.events.apply(event("mutualis.person.registered.v1",
				Map.of("personId", person, "email", "avant@example.test", "preferredLanguage", "fr"), Map.of()));
		this.events.apply(event("mutualis.person.profile-changed.v1",
				Map.of("personId", person, "displayName", "Ana Tremblay", "preferredLanguage", "en"), Map.of()));
		this.events.apply(event("mutualis.person.email-changed.v1",
				Map.of("personId", person, "email", "apres@example.test"), Map.of()));
		assertThat(this.people.find(person)).contains(new Person(person, "apres@example.test", "Ana Tremblay", "en"));
	}

	@Test
	void administratorsAreThoseIdentityGrantedUntilRevoked() {
		String person = UUID.randomUUID().toString();
		assertThat(this.administrators.personIds()).doesNotContain(person);
		String granted = event("mutualis.person.administrator-granted.v1", Map.of("personId", person), Map.of());
		assertThat(this.events.apply(granted)).isTrue();
		assertThat(this.administrators.personIds()).contains(person, ADMIN_BY_ID);
		this.events.apply(event("mutualis.person.administrator-revoked.v1", Map.of("personId", person), Map.of()));
		assertThat(this.administrators.personIds()).doesNotContain(person).contains(ADMIN_BY_ID);
		// a redelivered grant changes nothing
		assertThat(this.events.apply(granted)).isFalse();
		assertThat(this.administrators.personIds()).doesNotContain(person);
	}

	@Test
	void aRejectionCarriesTheReasonInFrench() {
		String organisation = UUID.randomUUID().toString();
		String manager = "m-" + organisation;
		this.people.record(manager, null, null, "fr");
		this.events.apply(membership("joined", organisation, manager, Map.of("role", "MANAGER")));
		this.events.apply(event("mutualis.organisation.rejected.v1", Map.of("organisationId", organisation), Map.of()));
		Notification notification = this.inbox.page(manager, 0, 10).items().get(0);
		assertThat(notification.title()).isEqualTo("Votre demande d’inscription n’a pas été acceptée");
		assertThat(notification.body()).endsWith("Message : « Organisation hors de la région desservie. »");
	}

	@Test
	void aMembershipWithoutAPersonIsMalformed() {
		String json = event("mutualis.membership.joined.v1", Map.of(), Map.of()).replaceFirst("\"personId\":\"[^\"]+\",", "");
		assertThatThrownBy(() -> this.events.apply(json)).isInstanceOf(MalformedEventException.class);
	}

	private String membership(String fact, String organisation, String person, Map<String, ?> more) {
		return event("mutualis.membership." + fact + ".v1", Map.of("organisationId", organisation, "personId", person),
				more);
	}

}
