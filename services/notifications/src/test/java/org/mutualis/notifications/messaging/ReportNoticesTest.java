package org.mutualis.notifications.messaging;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutualis.notifications.NotificationsTestSupport;
import org.mutualis.notifications.directory.Administrators;
import org.mutualis.notifications.inbox.Inbox;
import org.mutualis.notifications.inbox.Notification;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports: every new one tells the administrators (from configuration until identity says who they are) and the
 * owner's managers; its resolution tells the owner's managers; each once, in each reader's language.
 */
class ReportNoticesTest extends NotificationsTestSupport {

	@Autowired
	private ListingEvents listingEvents;

	@Autowired
	private IdentityEvents identityEvents;

	@Autowired
	private Administrators administrators;

	@Autowired
	private Inbox inbox;

	private String englishManager;

	@BeforeEach
	void englishSpeakingManager() {
		this.englishManager = UUID.randomUUID().toString();
		this.people.record(this.englishManager, this.englishManager + "@lephare.test", "Manager Le Phare", "en");
		this.memberships.join(this.owner, this.englishManager, "MANAGER");
	}

	@Test
	void aNewReportTellsTheAdministratorsWhoAndWhyAndTheOwnersManagersWhyOnce() {
		String reported = reportEvent("mutualis.listing.reported.v1", Map.of());
		assertThat(this.listingEvents.apply(reported)).isTrue();
		assertThat(this.listingEvents.apply(reported)).isFalse();

		List<Notification> toAdmin = about(ADMIN_BY_ID);
		assertThat(toAdmin).hasSize(1);
		Notification received = toAdmin.get(0);
		assertThat(received.kind()).isEqualTo("listing.report-received");
		assertThat(received.title()).isEqualTo("Nouveau signalement : Salle communautaire du Phare");
		assertThat(received.body()).contains("Coopérative La Ruche", "ressource inexistante ou jamais disponible",
				"La salle est fermée pour rénovation depuis octobre.");
		assertThat(received.link()).isEqualTo("/admin/moderation");

		Notification toOwner = only(about(this.ownerManager));
		assertThat(toOwner.kind()).isEqualTo("listing.reported");
		assertThat(toOwner.title()).isEqualTo("Ressource signalée : Salle communautaire du Phare");
		assertThat(toOwner.body()).contains("ressource inexistante ou jamais disponible")
			.doesNotContain("Coopérative La Ruche")
			.doesNotContain("rénovation");
		assertThat(toOwner.link()).isEqualTo("/listings/" + this.listing);
		Notification inEnglish = only(about(this.englishManager));
		assertThat(inEnglish.title()).isEqualTo("Listing reported: Le Phare community hall");
		assertThat(inEnglish.body()).contains("does not exist or is never available");
		assertThat(about(this.requester)).isEmpty();
	}

	@Test
	void anAdministratorConfiguredByEmailIsToldOnceIdentityHasToldOfThem() {
		String admin = UUID.randomUUID().toString();
		assertThat(this.administrators.personIds()).doesNotContain(admin);
		this.identityEvents.apply(event("mutualis.person.registered.v1",
				Map.of("personId", admin, "email", "admin@mutualis.TEST"), Map.of("preferredLanguage", "en")));
		assertThat(this.administrators.personIds()).contains(admin, ADMIN_BY_ID);

		this.listingEvents.apply(reportEvent("mutualis.listing.reported.v1", Map.of()));
		Notification received = only(about(admin));
		assertThat(received.title()).isEqualTo("New report: Le Phare community hall");
		assertThat(received.body()).contains("A member of Coopérative La Ruche reported");
	}

	@Test
	void aResolutionTellsTheOwnersManagersTheOutcomeAndTheNoteOnce() {
		String resolved = reportEvent("mutualis.listing.report-resolved.v1", Map.of("outcome", "DISMISSED"));
		assertThat(this.listingEvents.apply(resolved)).isTrue();
		assertThat(this.listingEvents.apply(resolved)).isFalse();
		Notification toOwner = only(about(this.ownerManager));
		assertThat(toOwner.kind()).isEqualTo("listing.report-dismissed");
		assertThat(toOwner.title()).isEqualTo("Signalement classé : Salle communautaire du Phare");
		assertThat(toOwner.body()).contains("classé sans suite", "Annonce suspendue jusqu’à la fin des travaux.");
		assertThat(only(about(this.englishManager)).title()).isEqualTo("Report dismissed: Le Phare community hall");
		assertThat(about(ADMIN_BY_ID)).isEmpty();

		this.listingEvents.apply(reportEvent("mutualis.listing.report-resolved.v1", Map.of()));
		assertThat(about(this.ownerManager)).extracting(Notification::kind)
			.containsExactlyInAnyOrder("listing.report-dismissed", "listing.report-action-taken");
	}

	@Test
	void aReportWithoutItsListingOrOwnerIsMalformed() {
		String broken = event("mutualis.listing.reported.v1", Map.of("listingId", this.listing), Map.of())
			.replace("\"ownerOrganisationId\"", "\"formerOwner\"");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.listingEvents.apply(broken))
			.isInstanceOf(org.mutualis.platform.events.MalformedEventException.class);
		assertThat(about(ADMIN_BY_ID)).isEmpty();
	}

	private String reportEvent(String type, Map<String, ?> more) {
		return event(type, Map.of("listingId", this.listing, "ownerOrganisationId", this.owner,
				"reporterOrganisationId", this.borrower, "reportId", UUID.randomUUID().toString()), more);
	}

	private List<Notification> about(String personId) {
		return this.inbox.page(personId, 0, 100)
			.items()
			.stream()
			.filter((notification) -> this.listing.equals(notification.listingId()))
			.toList();
	}

	private static Notification only(List<Notification> notifications) {
		assertThat(notifications).hasSize(1);
		return notifications.get(0);
	}

}
