package org.mutualis.notifications.preferences;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mutualis.notifications.NotificationsTestSupport;
import org.mutualis.notifications.inbox.Inbox;
import org.mutualis.notifications.inbox.Notification;
import org.mutualis.notifications.inbox.messaging.BookingEvents;
import org.mutualis.notifications.mail.MailQueue;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class PreferencesApiTest extends NotificationsTestSupport {

	@Autowired
	private BookingEvents events;

	@Autowired
	private Inbox inbox;

	@Test
	void aPersonWhoNeverChoseGetsEverythingByEmailAtOnce() throws Exception {
		this.mvc.perform(get("/api/notifications/preferences").with(requester()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.categories.BOOKINGS.inApp").value(true))
			.andExpect(jsonPath("$.categories.BOOKINGS.email").value(true))
			.andExpect(jsonPath("$.categories.CONVERSATIONS.email").value(true))
			.andExpect(jsonPath("$.dailyDigest").value(false))
			.andExpect(jsonPath("$.mutedListings").isEmpty());
	}

	@Test
	void choicesAreKeptAndAnOmittedCategoryKeepsItsChoice() throws Exception {
		putPreferences("{\"categories\":{\"BOOKINGS\":{\"email\":false}},\"dailyDigest\":true,"
				+ "\"mutedListings\":[\"l-1\"],\"mutedConversations\":[]}")
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/notifications/preferences").with(requester()))
			.andExpect(jsonPath("$.categories.BOOKINGS.email").value(false))
			.andExpect(jsonPath("$.categories.BOOKINGS.inApp").value(true))
			.andExpect(jsonPath("$.categories.REMINDERS.email").value(true))
			.andExpect(jsonPath("$.dailyDigest").value(true))
			.andExpect(jsonPath("$.mutedListings[0]").value("l-1"));
		// another person's preferences are untouched
		this.mvc.perform(get("/api/notifications/preferences").with(as(this.ownerManager, this.owner, "MANAGER")))
			.andExpect(jsonPath("$.categories.BOOKINGS.email").value(true));
	}

	@Test
	void whatAChangeLeavesOutKeepsItsValue() throws Exception {
		putPreferences("{\"dailyDigest\":true,\"mutedListings\":[\"l-1\"]}").andExpect(status().isOk());
		putPreferences("{\"categories\":{\"LISTINGS\":{\"email\":false}}}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.dailyDigest").value(true))
			.andExpect(jsonPath("$.mutedListings[0]").value("l-1"))
			.andExpect(jsonPath("$.categories.LISTINGS.email").value(false))
			.andExpect(jsonPath("$.categories.BOOKINGS.email").value(true));
	}

	@Test
	void inAppCannotBeTurnedOffAndBadInputIsRefused() throws Exception {
		putPreferences("{\"categories\":{\"BOOKINGS\":{\"inApp\":false,\"email\":true}},\"dailyDigest\":false,"
				+ "\"mutedListings\":[],\"mutedConversations\":[]}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:in-app-always-on"));
		putPreferences("{\"categories\":{\"GOSSIP\":{\"email\":true}},\"dailyDigest\":false,"
				+ "\"mutedListings\":[],\"mutedConversations\":[]}")
			.andExpect(status().isBadRequest());
		putPreferences("{\"categories\":{},\"dailyDigest\":false,\"mutedListings\":[\" \"],\"mutedConversations\":[]}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:muted-id-invalid"));
		putPreferences("{\"dailyDigest\":\"sometimes\"}").andExpect(status().isBadRequest());
		putPreferences("not json").andExpect(status().isBadRequest());
	}

	@Test
	void turningInAppOffIsRefusedFirstEvenWithoutTheEmailChannelAndChangesNothing() throws Exception {
		putPreferences("{\"categories\":{\"LISTINGS\":{\"email\":false}}}").andExpect(status().isOk());
		putPreferences("{\"categories\":{\"BOOKINGS\":{\"inApp\":false}}}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:in-app-always-on"))
			.andExpect(jsonPath("$.detail").value("Les avis dans l’application ne peuvent pas être désactivés."))
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].field").value("categories.BOOKINGS.inApp"));
		// refused whatever else the body holds, and before anything is changed
		this.mvc.perform(put("/api/notifications/preferences").with(requester())
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"categories\":{\"LISTINGS\":{\"email\":true},\"REMINDERS\":{\"inApp\":false,\"email\":null}},"
					+ "\"dailyDigest\":true}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("In-app notices cannot be turned off."))
			.andExpect(jsonPath("$.errors[0].field").value("categories.REMINDERS.inApp"));
		this.mvc.perform(get("/api/notifications/preferences").with(requester()))
			.andExpect(jsonPath("$.categories.LISTINGS.email").value(false))
			.andExpect(jsonPath("$.categories.REMINDERS.email").value(true))
			.andExpect(jsonPath("$.dailyDigest").value(false));
	}

	@Test
	void aChannelOrCategoryLeftOutOrNullKeepsItsValue() throws Exception {
		putPreferences("{\"categories\":{\"BOOKINGS\":{\"email\":false}}}").andExpect(status().isOk());
		for (String body : List.of("{\"categories\":{\"BOOKINGS\":{\"inApp\":true}}}",
				"{\"categories\":{\"BOOKINGS\":{}}}", "{\"categories\":{\"BOOKINGS\":{\"email\":null}}}",
				"{\"categories\":{\"BOOKINGS\":null}}", "{\"categories\":null}", "{}")) {
			putPreferences(body).andExpect(status().isOk())
				.andExpect(jsonPath("$.categories.BOOKINGS.email").value(false))
				.andExpect(jsonPath("$.categories.BOOKINGS.inApp").value(true))
				.andExpect(jsonPath("$.categories.REMINDERS.email").value(true));
		}
		putPreferences("{\"categories\":{\"BOOKINGS\":{\"inApp\":true,\"email\":true}}}").andExpect(status().isOk())
			.andExpect(jsonPath("$.categories.BOOKINGS.email").value(true));
	}

	@Test
	void aFieldAtFaultIsNamedTheWayTheBodyWritesIt() throws Exception {
		putPreferences("{\"categories\":{\"BOOKINGS\":{\"email\":\"sometimes\"}}}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("categories.BOOKINGS.email"));
	}

	@Test
	void aMutedListingGivesAReadNotificationAndNoEmail() throws Exception {
		putPreferences("{\"categories\":{},\"dailyDigest\":false,\"mutedListings\":[\"" + this.listing + "\"],"
				+ "\"mutedConversations\":[]}")
			.andExpect(status().isOk());
		this.events.apply(bookingEvent("confirmed", Map.of()));
		Notification notification = this.inbox.page(this.requester, 0, 10).items().get(0);
		assertThat(notification.unread()).isFalse();
		assertThat(this.inbox.unread(this.requester)).isZero();
		assertThat(mails()).isZero();
	}

	@Test
	void aCategoryWithoutEmailStaysInApp() throws Exception {
		putPreferences("{\"categories\":{\"BOOKINGS\":{\"email\":false}},\"dailyDigest\":false,\"mutedListings\":[],"
				+ "\"mutedConversations\":[]}")
			.andExpect(status().isOk());
		this.events.apply(bookingEvent("confirmed", Map.of()));
		assertThat(this.inbox.unread(this.requester)).isEqualTo(1);
		assertThat(mails()).isZero();
		this.events.apply(bookingEvent("reminder-due", Map.of()));
		assertThat(mails()).isEqualTo(1);
	}

	private long mails() {
		return this.mongo.count(Query.query(Criteria.where("to").is(this.requester + "@laruche.test")), MailQueue.COLLECTION);
	}

	private org.springframework.test.web.servlet.ResultActions putPreferences(String body) throws Exception {
		return this.mvc.perform(
				put("/api/notifications/preferences").with(requester()).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private RequestPostProcessor requester() {
		return as(this.requester, this.borrower, "MEMBER");
	}

}
