package org.mutualis.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutualis.notifications.conversation.application.Conversing;
import org.mutualis.notifications.deadletter.DeadLetter;
import org.mutualis.notifications.deadletter.DeadLetters;
import org.mutualis.notifications.directory.BookingDirectory;
import org.mutualis.notifications.directory.BookingParties;
import org.mutualis.notifications.directory.Listings;
import org.mutualis.notifications.inbox.Inbox;
import org.mutualis.notifications.inbox.Notification;
import org.mutualis.notifications.preferences.Category;
import org.mutualis.notifications.preferences.UnsubscribeTokens;
import org.mutualis.platform.events.Topics;
import org.mutualis.platform.security.Actor;
import org.mutualis.platform.test.AuthorizationMatrix;
import org.mutualis.platform.test.EndpointInventory;
import org.mutualis.platform.test.TestActors;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The authorisation matrix of the notifications service: every endpoint × the six actors → expected status. Each
 * person reaches only their own inbox, stream and preferences (another person's notification is 404, no leak); the
 * dead-letter API and the list of reported conversations are the administrators'; the unsubscribe link's token is
 * its own credential; only members of a conversation's two organisations reach it (organisations A, B and C are
 * approved, as posting requires). Each cell runs on fresh objects; an endpoint without a row fails the test.
 */
class AuthorizationMatrixTest extends NotificationsTestSupport {

	private static final String MESSAGE = "{\"text\":\"Bonjour!\"}";

	/** The third organisation of the conversations, besides A and B. */
	private static final String ORG_C = "organisation-c";

	private static final String PREFERENCES = "{\"categories\":{\"REMINDERS\":{\"email\":false}},\"dailyDigest\":false,"
			+ "\"mutedListings\":[],\"mutedConversations\":[]}";

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mapping;

	@Autowired
	private Inbox inbox;

	@Autowired
	private UnsubscribeTokens tokens;

	@Autowired
	private DeadLetters deadLetters;

	@Autowired
	private BookingDirectory bookings;

	@Autowired
	private Listings listings;

	@Autowired
	private Conversing conversing;

	@BeforeEach
	void approvedOrganisations() {
		for (String organisation : List.of(TestActors.ORG_A, TestActors.ORG_B, ORG_C)) {
			this.organisations.record(organisation, "APPROVED", "Organisation " + organisation, "fr", Instant.now());
		}
	}

	private AuthorizationMatrix<Fixture> rows() {
		AuthorizationMatrix<Fixture> rows = new AuthorizationMatrix<>();
		// the inbox: every signed-in person has their own, the administrator too
		rows.row("GET /api/notifications/inbox", (f) -> get("/api/notifications/inbox"), 401, 200, 200, 200, 200, 200);
		rows.row("GET /api/notifications/inbox/unread-count", (f) -> get("/api/notifications/inbox/unread-count"), 401,
				200, 200, 200, 200, 200);
		rows.row("POST /api/notifications/inbox/{id}/read",
				(f) -> post("/api/notifications/inbox/" + f.notificationOfMemberA() + "/read"), 401, 204, 404, 404, 404, 404);
		rows.row("POST /api/notifications/inbox/read-all", (f) -> post("/api/notifications/inbox/read-all"), 401, 200, 200,
				200, 200, 200);
		rows.row("GET /api/notifications/stream", (f) -> get("/api/notifications/stream"), 401, 200, 200, 200, 200, 200);
		// preferences: one's own
		rows.row("GET /api/notifications/preferences", (f) -> get("/api/notifications/preferences"), 401, 200, 200, 200,
				200, 200);
		rows.row("PUT /api/notifications/preferences", (f) -> put("/api/notifications/preferences")
			.contentType(MediaType.APPLICATION_JSON)
			.content(PREFERENCES), 401, 200, 200, 200, 200, 200);
		// one-click unsubscribe: the secret token in the address is the credential, whoever calls
		rows.row("POST /api/notifications/unsubscribe/{token}",
				(f) -> post("/api/notifications/unsubscribe/" + f.tokenOfMemberA()), 200, 200, 200, 200, 200, 200);
		// dead letters: the platform's administrators only
		rows.row("GET /api/notifications/admin/dead-letters",
				(f) -> get("/api/notifications/admin/dead-letters?topic=" + Topics.IDENTITY), 401, 403, 403, 403, 403, 200);
		rows.row("GET /api/notifications/admin/conversations/reported",
				(f) -> get("/api/notifications/admin/conversations/reported"), 401, 403, 403, 403, 403, 200);
		rows.row("POST /api/notifications/admin/dead-letters/{id}/replay",
				(f) -> post("/api/notifications/admin/dead-letters/" + f.deadLetter() + "/replay"), 401, 403, 403, 403, 403,
				202);
		// conversations: a thread between organisation A (owner) and a third organisation C; B is an outsider (404,
		// no leak); the administrator acts for no organisation and reads only reported threads
		rows.row("GET /api/notifications/conversations", (f) -> get("/api/notifications/conversations"), 401, 200, 200,
				200, 200, 403);
		rows.row("GET /api/notifications/conversations/{id}",
				(f) -> get("/api/notifications/conversations/" + f.conversationOfAWithC()), 401, 200, 200, 404, 404, 404);
		rows.row("POST /api/notifications/conversations/{id}/messages",
				(f) -> post("/api/notifications/conversations/" + f.conversationOfAWithC() + "/messages")
					.contentType(MediaType.APPLICATION_JSON)
					.content(MESSAGE), 401, 201, 201, 404, 404, 403);
		rows.row("POST /api/notifications/conversations/bookings/{bookingId}/messages",
				(f) -> post("/api/notifications/conversations/bookings/" + f.bookingOfAWithC() + "/messages")
					.contentType(MediaType.APPLICATION_JSON)
					.content(MESSAGE), 401, 201, 201, 404, 404, 403);
		rows.row("POST /api/notifications/conversations/listings/{listingId}/messages",
				(f) -> post("/api/notifications/conversations/listings/" + f.listingOfA() + "/messages")
					.contentType(MediaType.APPLICATION_JSON)
					.content(MESSAGE), 401, 422, 422, 201, 201, 403);
		rows.row("POST /api/notifications/conversations/{id}/read",
				(f) -> post("/api/notifications/conversations/" + f.conversationOfAWithC() + "/read"), 401, 200, 200, 404,
				404, 403);
		rows.row("POST /api/notifications/conversations/{id}/report",
				(f) -> post("/api/notifications/conversations/" + f.conversationOfAWithC() + "/report"), 401, 200, 200, 404,
				404, 403);
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



	/** Makes fresh objects of member A for one cell of the matrix. */
	private final class Fixture {

		String notificationOfMemberA() {
			String id = UUID.randomUUID().toString();
			AuthorizationMatrixTest.this.inbox.add(new Notification(id, TestActors.MEMBER_A.personId(), 0,
					"booking.confirmed", Category.BOOKINGS, "Réservation confirmée", "…", "/bookings/x", null, null,
					Instant.now(), null));
			return id;
		}

		String tokenOfMemberA() {
			return AuthorizationMatrixTest.this.tokens.issue(TestActors.MEMBER_A.personId(), Category.REMINDERS);
		}

		String bookingOfAWithC() {
			String bookingId = UUID.randomUUID().toString();
			AuthorizationMatrixTest.this.bookings.record(new BookingParties(bookingId, "listing-" + bookingId,
					TestActors.ORG_A, ORG_C, "Salle", "Room"));
			return bookingId;
		}

		String conversationOfAWithC() {
			String bookingId = bookingOfAWithC();
			Actor memberOfC = new Actor("person-of-c", ORG_C, Set.of(Actor.MEMBER));
			return AuthorizationMatrixTest.this.conversing.postAboutBooking(memberOfC, bookingId, "Bonjour")
				.conversation()
				.id();
		}

		String listingOfA() {
			String listingId = UUID.randomUUID().toString();
			AuthorizationMatrixTest.this.listings.record(listingId, TestActors.ORG_A, "Salle", "Room", null);
			return listingId;
		}

		String deadLetter() {
			String id = "matrix-" + UUID.randomUUID();
			// an event of a type no consumer uses: replaying it changes nothing anywhere
			String value = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/mutualis/test\","
					+ "\"type\":\"mutualis.matrix.ignored.v1\",\"subject\":\"x\",\"time\":\"2026-11-30T00:00:00Z\","
					+ "\"data\":{}}";
			AuthorizationMatrixTest.this.deadLetters.keep(new DeadLetter(id, Topics.IDENTITY, 0, 0L, "x", value, "test",
					"java.lang.IllegalStateException", null, Instant.now(), null, 0));
			return id;
		}

	}

}
