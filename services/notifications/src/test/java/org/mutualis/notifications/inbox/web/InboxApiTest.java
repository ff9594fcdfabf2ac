package org.mutualis.notifications.inbox.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mutualis.notifications.NotificationsTestSupport;
import org.mutualis.notifications.inbox.messaging.BookingEvents;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class InboxApiTest extends NotificationsTestSupport {

	@Autowired
	private BookingEvents events;

	@Test
	void pagesTheInboxNewestFirstWithTheUnreadCount() throws Exception {
		confirmations(3);
		JsonNode page = body(this.mvc.perform(get("/api/notifications/inbox?page=0&size=2").with(requester()))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(page.path("total").asLong()).isEqualTo(3);
		assertThat(page.path("unread").asLong()).isEqualTo(3);
		assertThat(page.path("items")).hasSize(2);
		assertThat(page.path("items").get(0).path("sequence").asLong()).isEqualTo(3);
		assertThat(page.path("items").get(1).path("sequence").asLong()).isEqualTo(2);
		JsonNode second = body(this.mvc.perform(get("/api/notifications/inbox?page=1&size=2").with(requester()))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(second.path("items")).hasSize(1);
		assertThat(second.path("items").get(0).path("title").asString()).startsWith("Booking confirmed:");
	}

	@Test
	void capsThePageSizeAndRefusesNonsense() throws Exception {
		confirmations(1);
		this.mvc.perform(get("/api/notifications/inbox?size=100000").with(requester()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.size").value(100));
		this.mvc.perform(get("/api/notifications/inbox?size=0").with(requester()))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:page-size-invalid"));
		this.mvc.perform(get("/api/notifications/inbox?page=-1").with(requester()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:page-invalid"));
		this.mvc.perform(get("/api/notifications/inbox?page=abc").with(requester()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:page-invalid"))
			.andExpect(jsonPath("$.errors[0].field").value("page"));
		this.mvc.perform(get("/api/notifications/inbox?size=lots").with(requester()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:page-size-invalid"));
	}

	@Test
	void aPagePastTheLastIsEmptyHoweverLargeItsNumber() throws Exception {
		confirmations(2);
		for (String far : List.of("page=2&size=1", "page=100000&size=1", "page=999999&size=1", "page=2147483647&size=100",
				"page=2147483647&size=2147483647", "page=99999999999999999999&size=100")) {
			this.mvc.perform(get("/api/notifications/inbox?" + far).with(requester()))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.items").isEmpty())
				.andExpect(jsonPath("$.total").value(2))
				.andExpect(jsonPath("$.unread").value(2));
		}
		this.mvc.perform(get("/api/notifications/inbox?page=1&size=1").with(requester()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].sequence").value(1));
		// a negative page is the only one refused, with a sentence that says so, in French and English
		this.mvc.perform(get("/api/notifications/inbox?page=-1").with(requester()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("Le numéro de page doit être un nombre entier positif ou zéro."));
		this.mvc.perform(get("/api/notifications/inbox?page=-1").with(requester()).header("Accept-Language", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("The page number must be a whole number, zero or positive."));
	}

	@Test
	void marksOneAndThenAllRead() throws Exception {
		confirmations(3);
		String id = body(this.mvc.perform(get("/api/notifications/inbox").with(requester())).andReturn()).path("items")
			.get(0)
			.path("id")
			.asString();
		this.mvc.perform(post("/api/notifications/inbox/" + id + "/read").with(requester()))
			.andExpect(status().isNoContent());
		this.mvc.perform(get("/api/notifications/inbox/unread-count").with(requester()))
			.andExpect(jsonPath("$.unread").value(2));
		// marking it again changes nothing
		this.mvc.perform(post("/api/notifications/inbox/" + id + "/read").with(requester()))
			.andExpect(status().isNoContent());
		this.mvc.perform(post("/api/notifications/inbox/read-all").with(requester()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.marked").value(2))
			.andExpect(jsonPath("$.unread").value(0));
		JsonNode page = body(this.mvc.perform(get("/api/notifications/inbox").with(requester())).andReturn());
		assertThat(page.path("items").get(0).path("readAt").isNull()).isFalse();
	}

	@Test
	void nobodyReadsOrMarksAnothersNotification() throws Exception {
		confirmations(1);
		String id = body(this.mvc.perform(get("/api/notifications/inbox").with(requester())).andReturn()).path("items")
			.get(0)
			.path("id")
			.asString();
		this.mvc.perform(get("/api/notifications/inbox").with(as(this.ownerManager, this.owner, "MANAGER")))
			.andExpect(jsonPath("$.total").value(0));
		this.mvc.perform(post("/api/notifications/inbox/" + id + "/read").with(as(this.ownerManager, this.owner, "MANAGER")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:notification-not-found"));
		this.mvc.perform(get("/api/notifications/inbox/unread-count").with(requester()))
			.andExpect(jsonPath("$.unread").value(1));
		this.mvc.perform(get("/api/notifications/inbox")).andExpect(status().isUnauthorized());
	}

	private void confirmations(int count) {
		for (int i = 0; i < count; i++) {
			this.events.apply(bookingEvent("confirmed", Map.of("bookingId", UUID.randomUUID().toString())));
		}
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor requester() {
		return as(this.requester, this.borrower, "MEMBER");
	}

}
