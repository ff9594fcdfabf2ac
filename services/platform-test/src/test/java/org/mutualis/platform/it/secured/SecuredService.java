package org.mutualis.platform.it.secured;

import java.util.Map;

import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.security.Actor;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A minimal service secured by the platform, standing for any Mutualis service in platform tests. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(SecuredService.Api.class)
public class SecuredService {

	@RestController
	static class Api {

		@GetMapping("/api/test/me")
		Map<String, Object> me(Actor actor) {
			return Map.of("person", actor.personId(), "organisation", String.valueOf(actor.organisationId()),
					"roles", actor.roles());
		}

		@GetMapping("/api/test/organisations/{id}")
		Map<String, Object> organisation(@PathVariable String id, Actor actor) {
			if (!actor.actsFor(id) && !actor.isAdmin()) {
				throw Refusal.of(Refusal.Reason.FORBIDDEN, "forbidden");
			}
			return Map.of("id", id);
		}

	}

}
