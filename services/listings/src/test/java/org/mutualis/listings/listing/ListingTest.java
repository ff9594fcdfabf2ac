package org.mutualis.listings.listing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mutualis.listings.ListingFixtures;
import org.mutualis.listings.organisation.OrganisationStanding;
import org.mutualis.platform.problem.Refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListingTest {

	private static final Instant NOW = Instant.parse("2026-11-27T15:00:00Z");

	private static final String ORG = "org-a";

	private Listing draft() {
		return Listing.draft("l-1", ORG, ListingFixtures.room(), "manager", NOW);
	}

	private static Listing published() {
		Listing listing = Listing.draft("l-1", ORG, ListingFixtures.room(), "manager", NOW);
		listing.submit("manager", OrganisationStanding.APPROVED, NOW);
		listing.publish("admin", OrganisationStanding.APPROVED, NOW);
		return Listing.restore(listing.state(), 0);
	}

	@Test
	void startsAsDraftWithItsCreationInTheAuditTrail() {
		Listing listing = draft();
		assertThat(listing.status()).isEqualTo(ListingStatus.DRAFT);
		assertThat(listing.history()).singleElement().satisfies((t) -> {
			assertThat(t.from()).isNull();
			assertThat(t.to()).isEqualTo(ListingStatus.DRAFT);
		});
		assertThat(listing.pendingEvents()).isEmpty();
	}

	@Test
	void goesThroughReviewRejectionResubmissionAndPublication() {
		Listing listing = draft();
		listing.submit("manager", OrganisationStanding.APPROVED, NOW);
		listing.reject("admin", "Photos manquantes", NOW);
		listing.submit("manager", OrganisationStanding.APPROVED, NOW);
		listing.publish("admin", OrganisationStanding.APPROVED, NOW);
		assertThat(listing.status()).isEqualTo(ListingStatus.PUBLISHED);
		assertThat(listing.publishedAt()).isEqualTo(NOW);
		assertThat(listing.history()).extracting(Transition::to)
			.containsExactly(ListingStatus.DRAFT, ListingStatus.PENDING_REVIEW, ListingStatus.REJECTED,
					ListingStatus.PENDING_REVIEW, ListingStatus.PUBLISHED);
		assertThat(listing.history().get(2).reason()).isEqualTo("Photos manquantes");
		assertThat(listing.pendingEvents()).hasExactlyElementsOfTypes(ListingSubmitted.class, ListingRejected.class,
				ListingSubmitted.class, ListingPublished.class);
	}

	@Test
	void refusesSubmissionByAnOrganisationThatIsNotApproved() {
		Listing listing = draft();
		assertThatThrownBy(() -> listing.submit("manager", OrganisationStanding.NOT_APPROVED, NOW))
			.isInstanceOfSatisfying(Refusal.class, (r) -> assertThat(r.type()).isEqualTo("organisation-not-approved"));
		assertThat(listing.status()).isEqualTo(ListingStatus.DRAFT);
	}

	@Test
	void refusesPublishingADraftThatWasNotSubmitted() {
		Listing listing = draft();
		assertThatThrownBy(() -> listing.publish("admin", OrganisationStanding.APPROVED, NOW))
			.isInstanceOfSatisfying(Refusal.class, (r) -> assertThat(r.type()).isEqualTo("invalid-transition"));
	}

	@Test
	void refusesRejectionWithoutReason() {
		Listing listing = draft();
		listing.submit("manager", OrganisationStanding.APPROVED, NOW);
		assertThatThrownBy(() -> listing.reject("admin", " ", NOW))
			.isInstanceOfSatisfying(Refusal.class, (r) -> assertThat(r.type()).isEqualTo("reason-required"));
		assertThat(listing.status()).isEqualTo(ListingStatus.PENDING_REVIEW);
	}

	@Test
	void suspendsAndReinstatesAPublishedListing() {
		Listing listing = published();
		listing.suspend("admin", "Signalements répétés", NOW);
		assertThat(listing.status()).isEqualTo(ListingStatus.SUSPENDED);
		listing.reinstate("admin", NOW);
		assertThat(listing.status()).isEqualTo(ListingStatus.PUBLISHED);
		assertThat(listing.pendingEvents()).hasExactlyElementsOfTypes(ListingSuspended.class, ListingReinstated.class);
	}

	@Test
	void archivedListingCannotBeEditedOrArchivedAgain() {
		Listing listing = published();
		listing.archive("manager", NOW);
		assertThatThrownBy(() -> listing.edit(ListingFixtures.room(), "manager", NOW, false)).isInstanceOf(Refusal.class);
		assertThatThrownBy(() -> listing.archive("manager", NOW)).isInstanceOf(Refusal.class);
	}

	@Test
	void substantiveEditOfAPublishedListingStaysPublishedByDefault() {
		Listing listing = published();
		listing.edit(ListingFixtures.roomTitled("Salle rénovée"), "manager", NOW, false);
		assertThat(listing.status()).isEqualTo(ListingStatus.PUBLISHED);
		assertThat(listing.pendingEvents()).singleElement().isInstanceOf(ListingUpdated.class);
	}

	@Test
	void substantiveEditGoesBackToReviewWhenConfigured() {
		Listing listing = published();
		listing.edit(ListingFixtures.roomTitled("Salle rénovée"), "manager", NOW, true);
		assertThat(listing.status()).isEqualTo(ListingStatus.PENDING_REVIEW);
		assertThat(listing.pendingEvents()).hasExactlyElementsOfTypes(ListingSubmitted.class, ListingUpdated.class);
	}

	@Test
	void editOfOpeningHoursOnlyIsNotSubstantive() {
		ListingDetails room = ListingFixtures.room();
		ListingDetails otherHours = new ListingDetails(room.kind(), room.title(), room.description(), room.categoryCode(),
				room.tags(), room.location(), room.timeZone(), 10, room.unit(), room.costRecovery(),
				room.marketValuePerUnit(), room.traits(), new Availability(List.of(), List.of()), room.bookingPolicy(),
				room.prerequisites(), null);
		Listing listing = published();
		listing.edit(otherHours, "manager", NOW, true);
		assertThat(listing.status()).isEqualTo(ListingStatus.PUBLISHED);
	}

	@Test
	void contentPolicyNamesEveryFieldAtFault() {
		ListingDetails room = ListingFixtures.room();
		ListingDetails broken = new ListingDetails(ListingKind.EQUIPMENT, new Bilingual(null, " "), room.description(),
				room.categoryCode(), room.tags(), room.location(), "Mars/Olympus", 0, room.unit(),
				new CostRecovery(CostMode.FREE, BigDecimal.TEN), room.marketValuePerUnit(), room.traits(),
				room.availability(), room.bookingPolicy(), room.prerequisites(), null);
		assertThatThrownBy(() -> Listing.draft("x", ORG, broken, "manager", NOW))
			.isInstanceOfSatisfying(Refusal.class, (r) -> assertThat(r.fields()).extracting(Refusal.FieldProblem::field)
				.contains("title", "timeZone", "bookableAtOnce", "costRecovery.amount", "traits.quantity",
						"traits.condition"));
	}

	@Test
	void acceptsAtMostEightPhotosAndReordersThem() {
		Listing listing = draft();
		for (int i = 0; i < Listing.MAX_PHOTOS; i++) {
			listing.addPhoto(new Photo("p" + i, "image/png", 10, "e", "o", "t", NOW), "manager", NOW, true);
		}
		assertThatThrownBy(() -> listing.addPhoto(new Photo("p9", "image/png", 10, "e", "o", "t", NOW), "manager", NOW, true))
			.isInstanceOfSatisfying(Refusal.class, (r) -> assertThat(r.type()).isEqualTo("too-many-photos"));
		listing.reorderPhotos(List.of("p7", "p0", "p1", "p2", "p3", "p4", "p5", "p6"), NOW);
		assertThat(listing.photos().get(0).id()).isEqualTo("p7");
		assertThatThrownBy(() -> listing.reorderPhotos(List.of("p7"), NOW)).isInstanceOf(Refusal.class);
		// one id repeated as often as there are photos names the others none: refused, nothing changes
		assertThatThrownBy(() -> listing.reorderPhotos(List.of("p7", "p7", "p7", "p7", "p7", "p7", "p7", "p7"), NOW))
			.isInstanceOf(Refusal.class);
		assertThat(listing.photos()).extracting((photo) -> photo.id())
			.containsExactly("p7", "p0", "p1", "p2", "p3", "p4", "p5", "p6");
	}

	@Test
	void publishedEventCarriesWhatBookingNeeds() {
		Listing listing = draft();
		listing.submit("manager", OrganisationStanding.APPROVED, NOW);
		listing.publish("admin", OrganisationStanding.APPROVED, NOW);
		ListingPublished published = (ListingPublished) listing.pendingEvents().get(1);
		assertThat(published.listing().status()).isEqualTo(ListingStatus.PUBLISHED);
		assertThat(published.listing().timeZone()).isEqualTo("America/Toronto");
		assertThat(published.listing().bookableAtOnce()).isEqualTo(40);
		assertThat(published.listing().availability().blackouts()).hasSize(1);
	}

	@Test
	void factsCarryCapacityPrerequisitesAndCancellationNotice() {
		ListingFacts facts = draft().facts();
		assertThat(facts.capacity()).isEqualTo(80);
		assertThat(facts.prerequisites()).containsExactly(new Bilingual("Laisser la salle propre", "Leave the hall clean"));
		assertThat(facts.bookingPolicy().cancellationNoticeHours())
			.isEqualTo(BookingPolicy.DEFAULT_CANCELLATION_NOTICE_HOURS);
	}

	@Test
	void capacityIsTheQuantityTheCapacityOrTheParallelSlotsOfItsKind() {
		Traits equipment = new Traits(null, null, 6, EquipmentCondition.GOOD, null, null, null, null);
		Traits emptySpace = new Traits(null, null, null, null, null, null, null, null);
		Traits team = new Traits(null, null, null, null, null, List.of("fr"), ServiceDelivery.BOTH, 3);
		assertThat(equipment.capacity(ListingKind.EQUIPMENT)).isEqualTo(6);
		assertThat(emptySpace.capacity(ListingKind.SPACE)).isEqualTo(1);
		assertThat(team.capacity(ListingKind.STAFF_TIME)).isEqualTo(3);
		assertThat(emptySpace.capacity(ListingKind.EXPERTISE)).isEqualTo(1);
	}

	@Test
	void refusesANegativeCancellationNoticeAndZeroParallelSlots() {
		ListingDetails room = ListingFixtures.room();
		BookingPolicy p = room.bookingPolicy();
		ListingDetails broken = new ListingDetails(room.kind(), room.title(), room.description(), room.categoryCode(),
				room.tags(), room.location(), room.timeZone(), room.bookableAtOnce(), room.unit(), room.costRecovery(),
				room.marketValuePerUnit(), new Traits(80, null, null, null, null, null, null, 0), room.availability(),
				new BookingPolicy(p.mode(), p.minDurationMinutes(), p.maxDurationMinutes(), p.minNoticeHours(),
						p.maxAdvanceDays(), p.bufferBeforeMinutes(), p.bufferAfterMinutes(),
						p.monthlyQuotaPerOrganisation(), -1),
				room.prerequisites(), null);
		assertThatThrownBy(() -> Listing.draft("x", ORG, broken, "manager", NOW))
			.isInstanceOfSatisfying(Refusal.class, (r) -> assertThat(r.fields()).extracting(Refusal.FieldProblem::field)
				.containsExactlyInAnyOrder("bookingPolicy.cancellationNoticeHours", "traits.parallelSlots"));
	}

}
