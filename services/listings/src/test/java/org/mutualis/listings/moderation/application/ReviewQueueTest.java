package org.mutualis.listings.moderation.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mutualis.listings.ListingFixtures;
import org.mutualis.listings.config.ListingsProperties;
import org.mutualis.listings.listing.Bilingual;
import org.mutualis.listings.listing.Listing;
import org.mutualis.listings.listing.ListingStatus;
import org.mutualis.listings.listing.Listings;
import org.mutualis.listings.listing.application.ListingManagement;
import org.mutualis.listings.organisation.OrganisationStanding;
import org.mutualis.listings.report.Report;
import org.mutualis.listings.report.ReportReason;
import org.mutualis.listings.report.Reports;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.security.Actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ReviewQueueTest {

	private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");

	private static final Actor ADMIN = new Actor("admin", null, Set.of(Actor.ADMIN));

	private final Listings listings = mock(Listings.class);

	private final Reports reports = mock(Reports.class);

	private final ReviewQueue queue = new ReviewQueue(this.listings, this.reports, mock(ListingManagement.class),
			new ListingsProperties(true, null, null, new ListingsProperties.Limits(100, 50, 50, 20)));

	@Test
	void readsListingsAndReportsInBatchesWhateverTheQueueLength() {
		List<Listing> pending = new ArrayList<>();
		List<Listing> reported = new ArrayList<>();
		List<Report> open = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			Listing waiting = Listing.draft("pending-" + i, "org", ListingFixtures.room(), "manager", NOW);
			waiting.submit("manager", OrganisationStanding.APPROVED, NOW);
			pending.add(waiting);
			Listing published = Listing.draft("reported-" + i, "org", ListingFixtures.room(), "manager", NOW);
			reported.add(published);
			open.add(report("r-" + i, published.id()));
		}
		open.add(report("r-again", "reported-0"));
		List<Report> all = new ArrayList<>(open);
		all.add(report("r-pending", "pending-3"));
		when(this.listings.inStatus(ListingStatus.PENDING_REVIEW, 0, 50)).thenReturn(pending);
		when(this.listings.countInStatus(ListingStatus.PENDING_REVIEW)).thenReturn(5L);
		when(this.reports.listingsWithOpenReports(0, 50))
			.thenReturn(open.stream().map(Report::listingId).distinct().toList());
		when(this.reports.countListingsWithOpenReports()).thenReturn(5L);
		when(this.listings.findAll(anyCollection())).thenReturn(reported.reversed());
		when(this.reports.about(anyCollection())).thenReturn(all);

		ReviewQueue.Queue built = this.queue.queue(ADMIN, 0, null);

		assertThat(built.pendingReview()).extracting((c) -> c.listing().id())
			.containsExactly("pending-0", "pending-1", "pending-2", "pending-3", "pending-4");
		assertThat(built.pendingReview().get(3).reports()).extracting(Report::id).containsExactly("r-pending");
		assertThat(built.reported()).extracting((c) -> c.listing().id())
			.containsExactly("reported-0", "reported-1", "reported-2", "reported-3", "reported-4");
		assertThat(built.reported().get(0).reports()).extracting(Report::id).containsExactly("r-0", "r-again");
		verify(this.listings, times(1)).findAll(anyCollection());
		verify(this.reports, times(1)).about(anyCollection());
		verify(this.listings, never()).find(anyString());
		verify(this.reports, never()).about(anyString());
		assertThat(built.pendingReviewTotal()).isEqualTo(5);
		assertThat(built.size()).isEqualTo(50);
	}

	@Test
	void aPageIsNeverLargerThanTheMaximum() {
		ReviewQueue.Queue built = this.queue.queue(ADMIN, 2, 5_000);
		assertThat(built.size()).isEqualTo(100);
		verify(this.listings).inStatus(ListingStatus.PENDING_REVIEW, 2, 100);
		verify(this.reports).listingsWithOpenReports(2, 100);
	}

	@Test
	void onlyAdministratorsReadTheQueue() {
		Actor manager = new Actor("manager", "org", Set.of(Actor.MANAGER));
		assertThatThrownBy(() -> this.queue.queue(manager, 0, null)).isInstanceOf(Refusal.class);
		verify(this.listings, never()).inStatus(any(), anyInt(), anyInt());
	}

	private static Report report(String id, String listingId) {
		return Report.file(id, listingId, new Bilingual("Salle", null), "org-a", "member", "org-b",
				ReportReason.UNAVAILABLE, null, NOW);
	}

}
