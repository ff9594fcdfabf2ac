package org.mutualis.identity.person.web;

import java.util.List;

import org.mutualis.identity.common.Language;
import org.mutualis.identity.person.Person;
import org.mutualis.identity.person.application.PlatformAdministrators;
import org.mutualis.platform.security.Actor;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/** The platform's administrators, listed, granted and revoked by administrators. */
@RestController
class AdministratorController {

	private final PlatformAdministrators administrators;

	AdministratorController(PlatformAdministrators administrators) {
		this.administrators = administrators;
	}

	@GetMapping("/api/identity/admin/administrators")
	List<AdministratorResponse> list(Actor actor) {
		return this.administrators.list(actor).stream().map(AdministratorResponse::of).toList();
	}

	@PutMapping("/api/identity/admin/administrators/{personId}")
	AdministratorResponse grant(Actor actor, @PathVariable String personId) {
		return AdministratorResponse.of(this.administrators.grant(actor, personId));
	}

	@DeleteMapping("/api/identity/admin/administrators/{personId}")
	ResponseEntity<Void> revoke(Actor actor, @PathVariable String personId) {
		this.administrators.revoke(actor, personId);
		return ResponseEntity.noContent().build();
	}

	/**
	 * An administrator as shown to other administrators.
	 * @param personId their person id
	 * @param email their e-mail address
	 * @param displayName their name
	 * @param language the language written to them in
	 */
	record AdministratorResponse(String personId, String email, String displayName, Language language) {

		static AdministratorResponse of(Person person) {
			return new AdministratorResponse(person.id(), person.email(), person.displayName(),
					person.preferredLanguage());
		}

	}

}
