package org.mutualis.notifications.deadletter;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mutualis.notifications.NotificationsTestSupport;
import org.mutualis.platform.events.Topics;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dead-letter list's answers to what it is given: anyone but an administrator gets 403 whatever the parameters
 * (missing, badly written or valid); an administrator gets a 400 naming the parameter at fault, in French or English,
 * listing the topics when the topic is missing or unknown.
 */
class DeadLetterApiTest extends NotificationsTestSupport {

	private static final String PATH = "/api/notifications/admin/dead-letters";

	private static final String TOPICS = String.join(", ", Topics.IDENTITY, Topics.LISTINGS, Topics.BOOKINGS,
			Topics.CONVERSATIONS);

	@Test
	void anyoneButAnAdministratorGets403WhateverTheParameters() throws Exception {
		RequestPostProcessor member = as(this.requester, this.borrower, "MEMBER");
		RequestPostProcessor manager = as(this.ownerManager, this.owner, "MANAGER");
		for (String query : List.of("", "?topic=", "?topic=mutualis.gossip.v1", "?topic=" + Topics.BOOKINGS,
				"?limit=abc", "?topic=" + Topics.BOOKINGS + "&limit=0", "?limit=99999999999999999999")) {
			for (RequestPostProcessor who : List.of(member, manager)) {
				this.mvc.perform(get(PATH + query).with(who))
					.andExpect(status().isForbidden())
					.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
					.andExpect(jsonPath("$.type").value("urn:mutualis:problem:administrator-required"));
			}
		}
		this.mvc.perform(get(PATH)).andExpect(status().isUnauthorized());
	}

	@Test
	void anAdministratorWithoutATopicIsToldWhichTopicsThereAre() throws Exception {
		for (String query : List.of("", "?topic=", "?limit=10")) {
			this.mvc.perform(get(PATH + query).with(admin()))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.type").value("urn:mutualis:problem:topic-required"))
				.andExpect(jsonPath("$.detail").value(
						"Indiquez le sujet dont vous voulez les messages en erreur ; sujets possibles : " + TOPICS + "."))
				.andExpect(jsonPath("$.errors[0].field").value("topic"));
		}
		this.mvc.perform(get(PATH).param("topic", "  ").with(admin()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:topic-required"));
		this.mvc.perform(get(PATH).with(admin()).header("Accept-Language", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("Name the topic whose dead letters you want; possible topics: " + TOPICS + "."));
		this.mvc.perform(get(PATH + "?topic=foo").with(admin()).header("Accept-Language", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:topic-unknown"))
			.andExpect(jsonPath("$.detail").value("Unknown topic; possible topics: " + TOPICS + "."))
			.andExpect(jsonPath("$.errors[0].field").value("topic"));
	}

	@Test
	void anAdministratorsLimitIsAWholeNumberFromOneAndLargerGivesTheMost() throws Exception {
		this.mvc.perform(get(PATH + "?topic=" + Topics.BOOKINGS + "&limit=abc").with(admin()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:limit-invalid"))
			.andExpect(jsonPath("$.errors[0].field").value("limit"));
		this.mvc.perform(get(PATH + "?topic=" + Topics.BOOKINGS + "&limit=0").with(admin()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:limit-invalid"));
		for (String limit : List.of("1", "200", "5000", "99999999999999999999")) {
			this.mvc.perform(get(PATH + "?topic=" + Topics.BOOKINGS + ".dlt&limit=" + limit).with(admin()))
				.andExpect(status().isOk());
		}
		this.mvc.perform(get(PATH + "?topic=" + Topics.IDENTITY).with(admin())).andExpect(status().isOk());
	}

	private static RequestPostProcessor admin() {
		return as("person-admin", null, "ADMIN");
	}

}
