package org.mutualis.identity.person;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.mutualis.identity.common.Language;
import org.mutualis.platform.test.WithInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Eight password-reset requests for one person released together all answer 202, exactly as for an unknown
 * address, and leave the person with a working pending reset.
 */
@SpringBootTest(properties = { "spring.mail.port=3999", "mutualis.demo.enabled=false" })
@AutoConfigureMockMvc
@WithInfrastructure
class SimultaneousResetTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	People people;

	@Test
	void simultaneousRequestsForOnePersonAllAnswerLikeAnUnknownAddress() throws Exception {
		String email = "simultane-" + UUID.randomUUID().toString().substring(0, 8) + "@reset.test";
		Person person = Person.register(UUID.randomUUID().toString(), email, "Simultané", Language.fr, "{noop}x",
				Instant.now());
		this.people.save(person);
		for (int round = 0; round < 3; round++) {
			assertThat(together(email)).containsOnly(202).hasSize(8);
			assertThat(together("inconnu-" + UUID.randomUUID() + "@reset.test")).containsOnly(202).hasSize(8);
		}
		assertThat(this.people.find(person.id()).orElseThrow().resetTokenHash()).isNotNull();
	}

	private List<Integer> together(String email) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				answers.add(threads.submit(() -> {
					start.await();
					return this.mvc.perform(post("/api/identity/password-resets").contentType(MediaType.APPLICATION_JSON)
						.content("{\"email\":\"" + email + "\"}"))
						.andReturn()
						.getResponse()
						.getStatus();
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> answer : answers) {
				statuses.add(answer.get());
			}
			return statuses;
		}
		finally {
			threads.shutdownNow();
		}
	}

}
