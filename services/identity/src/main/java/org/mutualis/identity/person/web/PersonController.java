package org.mutualis.identity.person.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.mutualis.identity.common.Language;
import org.mutualis.identity.organisation.MembershipRole;
import org.mutualis.identity.organisation.OrganisationStatus;
import org.mutualis.identity.organisation.Organisations;
import org.mutualis.identity.person.PasswordReset;
import org.mutualis.identity.person.People;
import org.mutualis.identity.person.Person;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.problem.Refusal.Reason;
import org.mutualis.platform.security.Actor;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in person's own account, and password reset. */
@RestController
class PersonController {

	private final People people;

	private final Organisations organisations;

	private final PasswordReset passwordReset;

	PersonController(People people, Organisations organisations, PasswordReset passwordReset) {
		this.people = people;
		this.organisations = organisations;
		this.passwordReset = passwordReset;
	}

	@GetMapping("/api/identity/me")
	MeResponse me(Actor actor) {
		Person person = this.people.find(actor.personId())
			.orElseThrow(() -> Refusal.of(Reason.NOT_FOUND, "person-not-found"));
		List<MyOrganisation> organisations = this.organisations.ofMember(person.id())
			.stream()
			.map((o) -> new MyOrganisation(o.id(), o.profile().name(), o.status(), o.roleOf(person.id()).orElseThrow()))
			.toList();
		return new MeResponse(person.id(), person.email(), person.displayName(), person.preferredLanguage(),
				person.admin(), organisations);
	}

	@PostMapping("/api/identity/password-resets")
	ResponseEntity<Void> requestReset(@Valid @RequestBody ResetRequest request) {
		this.passwordReset.request(request.email());
		return ResponseEntity.accepted().build();
	}

	@PostMapping("/api/identity/password-resets/complete")
	ResponseEntity<Void> completeReset(@Valid @RequestBody CompleteResetRequest request) {
		this.passwordReset.complete(request.token(), request.password());
		return ResponseEntity.noContent().build();
	}

	record MeResponse(String personId, String email, String displayName, Language preferredLanguage, boolean admin,
			List<MyOrganisation> organisations) {
	}

	record MyOrganisation(String id, String name, OrganisationStatus status, MembershipRole role) {
	}

	record ResetRequest(@NotBlank @Size(max = 254) String email) {
	}

	record CompleteResetRequest(@NotBlank String token, @NotBlank String password) {
	}

}
