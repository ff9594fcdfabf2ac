package org.mutualis.booking;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.mutualis.booking.calendar.FeedScope;
import org.mutualis.booking.calendar.application.FeedManagement;
import org.mutualis.booking.calendar.application.FeedManagement.IssuedFeed;
import org.mutualis.platform.security.Actor;
import org.mutualis.platform.test.EndpointInventory;
import org.mutualis.platform.test.TestActors;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
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

	private Map<String, Row> rows() {
		Map<String, Row> rows = new LinkedHashMap<>();
		// calendar feeds: managers handle their organisation's feeds; the feed itself is read with its secret token
		row(rows, "POST /api/bookings/calendar/feeds", (f) -> post("/api/bookings/calendar/feeds")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"scope\":\"ORGANISATION\"}"), 401, 403, 201, 403, 201, 403);
		row(rows, "GET /api/bookings/calendar/feeds", (f) -> get("/api/bookings/calendar/feeds"), 401, 403, 200, 403, 200,
				403);
		row(rows, "POST /api/bookings/calendar/feeds/{feedId}/rotate",
				(f) -> post("/api/bookings/calendar/feeds/" + f.feedOfA().feed().id() + "/rotate"), 401, 403, 200, 403, 404,
				403);
		row(rows, "DELETE /api/bookings/calendar/feeds/{feedId}",
				(f) -> delete("/api/bookings/calendar/feeds/" + f.feedOfA().feed().id()), 401, 403, 204, 403, 404, 403);
		row(rows, "GET /api/bookings/calendar/feeds/{token}.ics",
				(f) -> get("/api/bookings/calendar/feeds/" + f.feedOfA().token() + ".ics"), 200, 200, 200, 200, 200, 200);
		// ledger: each organisation's members read their own organisation's statement; the hub's admin acts for none
		row(rows, "GET /api/bookings/ledger/statements/{month}", (f) -> get("/api/bookings/ledger/statements/2026-11"), 401,
				200, 200, 200, 200, 403);
		row(rows, "GET /api/bookings/ledger/statements/{month}/csv",
				(f) -> get("/api/bookings/ledger/statements/2026-11/csv"), 401, 200, 200, 200, 200, 403);
		// impact figures: the regional hub's administrators only
		row(rows, "GET /api/bookings/impact", (f) -> get("/api/bookings/impact?from=2026-01&to=2026-12"), 401, 403, 403, 403,
				403, 200);
		row(rows, "GET /api/bookings/impact/csv", (f) -> get("/api/bookings/impact/csv?from=2026-01&to=2026-12"), 401, 403,
				403, 403, 403, 200);
		return rows;
	}

	@Test
	void everyEndpointHasARow() {
		assertThat(rows().keySet()).containsExactlyInAnyOrderElementsOf(EndpointInventory.of(this.mapping));
	}

	@Test
	void everyActorGetsTheExpectedAnswerFromEveryEndpoint() throws Exception {
		List<String> mismatches = new ArrayList<>();
		for (Map.Entry<String, Row> entry : rows().entrySet()) {
			for (TestActors actor : TestActors.values()) {
				AbstractMockHttpServletRequestBuilder<?> request = entry.getValue().request().apply(new Fixture());
				int status = this.mvc.perform(request.with(actor.token())).andReturn().getResponse().getStatus();
				int expected = entry.getValue().expected().get(actor);
				if (status != expected) {
					mismatches.add(entry.getKey() + " as " + actor + ": " + status + " instead of " + expected);
				}
			}
		}
		assertThat(mismatches).isEmpty();
	}

	private static void row(Map<String, Row> rows, String endpoint,
			Function<Fixture, AbstractMockHttpServletRequestBuilder<?>> request, int anonymous, int memberA, int managerA,
			int memberB, int managerB, int admin) {
		Map<TestActors, Integer> expected = TestActors.expect((actor) -> switch (actor) {
			case ANONYMOUS -> anonymous;
			case MEMBER_A -> memberA;
			case MANAGER_A -> managerA;
			case MEMBER_B -> memberB;
			case MANAGER_B -> managerB;
			case ADMIN -> admin;
		});
		rows.put(endpoint, new Row(request, expected));
	}

	private record Row(Function<Fixture, AbstractMockHttpServletRequestBuilder<?>> request, Map<TestActors, Integer> expected) {
	}

	/** Makes fresh objects of organisation A for one cell of the matrix. */
	private final class Fixture {

		IssuedFeed feedOfA() {
			Actor manager = new Actor(TestActors.MANAGER_A.personId(), TestActors.ORG_A, Set.of(Actor.MANAGER));
			return AuthorizationMatrixTest.this.feeds.create(manager, FeedScope.ORGANISATION, null, null);
		}

	}

}
