package org.mutualis.identity.membership.web;

import java.util.List;

import org.mutualis.identity.common.Language;
import org.mutualis.identity.organisation.MembershipRole;
import org.mutualis.identity.organisation.OrganisationStatus;
import org.mutualis.identity.organisation.Organisations;
import org.mutualis.identity.person.People;
import org.mutualis.identity.person.Person;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.problem.Refusal.Reason;
import org.mutualis.platform.security.Actor;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in person's own account with the organisations they belong to and their role in each. */
@RestController
class MyAccountController {

	private final People people;

	private final Organisations organisations;

	MyAccountController(People people, Organisations organisations) {
		this.people = people;
		this.organisations = organisations;
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

	record MeResponse(String personId, String email, String displayName, Language preferredLanguage, boolean admin,
			List<MyOrganisation> organisations) {
	}

	record MyOrganisation(String id, String name, OrganisationStatus status, MembershipRole role) {
	}

}
