package org.mutualis.booking;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mutualis.booking.calendar.FeedScope;
import org.mutualis.booking.calendar.application.FeedManagement;
import org.mutualis.booking.calendar.application.FeedManagement.IssuedFeed;
import org.mutualis.booking.listing.ListingDirectory;
import org.mutualis.booking.organisation.Organisations;
import org.mutualis.booking.reservation.Bookings;
import org.mutualis.booking.reservation.ReservationFixtures;
import org.mutualis.booking.reservation.application.BookingDecisions;
import org.mutualis.booking.reservation.application.OwnerBlocks;
import org.mutualis.booking.reservation.application.Reserving;
import org.mutualis.booking.reservation.application.Series;
import org.mutualis.booking.reservation.application.Waitlisting;
import org.mutualis.platform.security.Actor;
import org.mutualis.platform.test.AuthorizationMatrix;
import org.mutualis.platform.test.EndpointInventory;
import org.mutualis.platform.test.TestActors;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The authorisation matrix of the booking service: every endpoint × the six actors → expected status. Each cell
 * runs on fresh objects of organisation A, so that one actor's success does not change the next actor's answer;
 * objects of another organisation answer 404 (no leak). An endpoint without a row fails the test.
 */
class AuthorizationMatrixTest extends ProjectionTestSupport {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mapping;

	@Autowired
	private FeedManagement feeds;

	private static final String REASON = "{\"reason\":\"Imprévu\"}";

	@Autowired
	private ListingDirectory listings;

	@Autowired
	private Organisations organisations;

	@Autowired
	private Reserving reserving;

	@Autowired
	private BookingDecisions decisions;

	@Autowired
	private Bookings bookings;

	@Autowired
	private OwnerBlocks blocks;

	@Autowired
	private Series series;

	@Autowired
	private Waitlisting waitlisting;

	private AuthorizationMatrix<Fixture> rows() {
		AuthorizationMatrix<Fixture> rows = new AuthorizationMatrix<>();
		// calendar feeds: managers handle their organisation's feeds; the feed itself is read with its secret token
		rows.row("POST /api/bookings/calendar/feeds", (f) -> post("/api/bookings/calendar/feeds")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"scope\":\"ORGANISATION\"}"), 401, 403, 201, 403, 201, 403);
		rows.row("GET /api/bookings/calendar/feeds", (f) -> get("/api/bookings/calendar/feeds"), 401, 403, 200, 403, 200,
				403);
		rows.row("POST /api/bookings/calendar/feeds/{feedId}/rotate",
				(f) -> post("/api/bookings/calendar/feeds/" + f.feedOfA().feed().id() + "/rotate"), 401, 403, 200, 403, 404,
				403);
		rows.row("DELETE /api/bookings/calendar/feeds/{feedId}",
				(f) -> delete("/api/bookings/calendar/feeds/" + f.feedOfA().feed().id()), 401, 403, 204, 403, 404, 403);
		rows.row("GET /api/bookings/calendar/feeds/{token}.ics",
				(f) -> get("/api/bookings/calendar/feeds/" + f.feedOfA().token() + ".ics"), 200, 200, 200, 200, 200, 200);
		// ledger: each organisation's members read their own organisation's statement; the hub's admin acts for none
		rows.row("GET /api/bookings/ledger/statements/{month}", (f) -> get("/api/bookings/ledger/statements/2026-11"), 401,
				200, 200, 200, 200, 403);
		rows.row("GET /api/bookings/ledger/statements/{month}/csv",
				(f) -> get("/api/bookings/ledger/statements/2026-11/csv"), 401, 200, 200, 200, 200, 403);
		// impact figures: the regional hub's administrators only
		rows.row("GET /api/bookings/impact", (f) -> get("/api/bookings/impact?from=2026-01&to=2026-12"), 401, 403, 403, 403,
				403, 200);
		rows.row("GET /api/bookings/impact/csv", (f) -> get("/api/bookings/impact/csv?from=2026-01&to=2026-12"), 401, 403,
				403, 403, 403, 200);
		// reservations: a fresh booking by organisation B of a fresh listing of organisation A for each cell; only the
		// two organisations see a booking, only the owner's managers decide, the admin acts for no organisation
		rows.row("POST /api/bookings", (f) -> post("/api/bookings").contentType(MediaType.APPLICATION_JSON)
			.content(f.requestOfListing()), 401, 422, 422, 201, 201, 403);
		rows.row("GET /api/bookings", (f) -> get("/api/bookings?view=pending"), 401, 200, 200, 200, 200, 403);
		rows.row("GET /api/bookings/incoming", (f) -> get("/api/bookings/incoming"), 401, 200, 200, 200, 200, 403);
		rows.row("GET /api/bookings/{id}", (f) -> get("/api/bookings/" + f.requested()), 401, 200, 200, 200, 200, 404);
		rows.row("POST /api/bookings/{id}/confirm", (f) -> post("/api/bookings/" + f.requested() + "/confirm"), 401, 403,
				200, 403, 403, 404);
		rows.row("POST /api/bookings/{id}/decline", (f) -> post("/api/bookings/" + f.requested() + "/decline")
			.contentType(MediaType.APPLICATION_JSON)
			.content(REASON), 401, 403, 200, 403, 403, 404);
		rows.row("POST /api/bookings/{id}/cancel", (f) -> post("/api/bookings/" + f.requested() + "/cancel")
			.contentType(MediaType.APPLICATION_JSON)
			.content(REASON), 401, 403, 200, 200, 200, 404);
		rows.row("POST /api/bookings/{id}/counter-proposal",
				(f) -> post("/api/bookings/" + f.requested() + "/counter-proposal").contentType(MediaType.APPLICATION_JSON)
					.content(f.proposalJson()), 401, 403, 200, 403, 403, 404);
		rows.row("POST /api/bookings/{id}/counter-proposal/accept",
				(f) -> post("/api/bookings/" + f.counterProposed() + "/counter-proposal/accept"), 401, 403, 403, 200, 200,
				404);
		rows.row("POST /api/bookings/{id}/counter-proposal/decline",
				(f) -> post("/api/bookings/" + f.counterProposed() + "/counter-proposal/decline")
					.contentType(MediaType.APPLICATION_JSON)
					.content(REASON), 401, 403, 403, 200, 200, 404);
		rows.row("POST /api/bookings/{id}/no-show", (f) -> post("/api/bookings/" + f.started() + "/no-show"), 401, 403,
				200, 403, 403, 404);
		rows.row("GET /api/bookings/listings/{listingId}/bookings",
				(f) -> get("/api/bookings/listings/" + f.listing() + "/bookings"), 401, 200, 200, 403, 403, 403);
		rows.row("GET /api/bookings/listings/{listingId}/availability",
				(f) -> get("/api/bookings/listings/" + f.listing() + "/availability?from=2027-01-04&to=2027-01-05"), 200,
				200, 200, 200, 200, 200);
		rows.row("POST /api/bookings/availability", (f) -> post("/api/bookings/availability")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"listingIds\":[\"" + f.listing() + "\"],\"quantity\":1,\"start\":\"2027-01-04T15:00:00Z\","
					+ "\"end\":\"2027-01-04T16:00:00Z\"}"), 200, 200, 200, 200, 200, 200);
		rows.row("GET /api/bookings/listings/{listingId}/blocks",
				(f) -> get("/api/bookings/listings/" + f.listing() + "/blocks"), 401, 200, 200, 403, 403, 403);
		rows.row("POST /api/bookings/listings/{listingId}/blocks",
				(f) -> post("/api/bookings/listings/" + f.listing() + "/blocks").contentType(MediaType.APPLICATION_JSON)
					.content(f.blockJson()), 401, 403, 201, 403, 403, 403);
		rows.row("DELETE /api/bookings/listings/{listingId}/blocks/{blockId}", (f) -> {
			String[] block = f.block();
			return delete("/api/bookings/listings/" + block[0] + "/blocks/" + block[1]);
		}, 401, 403, 204, 403, 403, 403);
		rows.row("POST /api/bookings/series", (f) -> post("/api/bookings/series").contentType(MediaType.APPLICATION_JSON)
			.content(f.seriesJson()), 401, 422, 422, 201, 201, 403);
		rows.row("POST /api/bookings/series/{seriesId}/cancel",
				(f) -> post("/api/bookings/series/" + f.seriesOfB() + "/cancel").contentType(MediaType.APPLICATION_JSON)
					.content(REASON), 401, 403, 200, 200, 200, 404);
		rows.row("POST /api/bookings/waitlist", (f) -> post("/api/bookings/waitlist").contentType(MediaType.APPLICATION_JSON)
			.content(f.fullTimeJson()), 401, 422, 422, 201, 201, 403);
		rows.row("GET /api/bookings/waitlist", (f) -> get("/api/bookings/waitlist"), 401, 200, 200, 200, 200, 403);
		rows.row("DELETE /api/bookings/waitlist/{entryId}",
				(f) -> delete("/api/bookings/waitlist/" + f.waitingEntryOfB()), 401, 404, 404, 204, 204, 403);
		rows.row("POST /api/bookings/{id}/waitlist-offer/accept",
				(f) -> post("/api/bookings/" + f.offerToB() + "/waitlist-offer/accept"), 401, 403, 403, 200, 200, 404);
		return rows;
	}

	@Test
	void everyEndpointHasARow() {
		assertThat(rows().endpoints()).containsExactlyInAnyOrderElementsOf(EndpointInventory.of(this.mapping));
	}

	@Test
	void everyActorGetsTheExpectedAnswerFromEveryEndpoint() throws Exception {
		assertThat(rows().mismatches(this.mvc, Fixture::new)).isEmpty();
	}



	/** Makes fresh objects of organisation A for one cell of the matrix. */
	private final class Fixture {

		private final ReservationFixtures reservations = new ReservationFixtures(AuthorizationMatrixTest.this.listings,
				AuthorizationMatrixTest.this.organisations, AuthorizationMatrixTest.this.reserving,
				AuthorizationMatrixTest.this.decisions, AuthorizationMatrixTest.this.bookings,
				AuthorizationMatrixTest.this.blocks, AuthorizationMatrixTest.this.series,
				AuthorizationMatrixTest.this.waitlisting);

		String listing() {
			return this.reservations.listingOfA().id();
		}

		String requestOfListing() {
			return this.reservations.requestJson(listing());
		}

		String requested() {
			return this.reservations.requestedByB().id();
		}

		String counterProposed() {
			return this.reservations.counterProposedToB().id();
		}

		String started() {
			return this.reservations.startedConfirmedByB().id();
		}

		String proposalJson() {
			return this.reservations.proposalJson();
		}

		String blockJson() {
			return this.reservations.blockJson();
		}

		String[] block() {
			return this.reservations.blockOfA();
		}

		String seriesJson() {
			return this.reservations.seriesJson(listing());
		}

		String seriesOfB() {
			return this.reservations.seriesOfB();
		}

		String fullTimeJson() {
			return this.reservations.fullTimeJson();
		}

		String waitingEntryOfB() {
			return this.reservations.waitingEntryOfB().id();
		}

		String offerToB() {
			return this.reservations.offerToB().id();
		}

		IssuedFeed feedOfA() {
			Actor manager = new Actor(TestActors.MANAGER_A.personId(), TestActors.ORG_A, Set.of(Actor.MANAGER));
			return AuthorizationMatrixTest.this.feeds.create(manager, FeedScope.ORGANISATION, null, null);
		}

	}

}
