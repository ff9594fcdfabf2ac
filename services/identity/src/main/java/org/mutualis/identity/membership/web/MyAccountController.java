package org.mutualis.identity.membership.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.mutualis.identity.common.Language;
import org.mutualis.identity.organisation.MembershipRole;
import org.mutualis.identity.organisation.OrganisationStatus;
import org.mutualis.identity.organisation.Organisations;
import org.mutualis.identity.person.People;
import org.mutualis.identity.person.Person;
import org.mutualis.identity.person.application.ProfileEditing;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.problem.Refusal.FieldProblem;
import org.mutualis.platform.problem.Refusal.Reason;
import org.mutualis.platform.web.IfMatch;
import org.mutualis.platform.security.Actor;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in person's own account with the organisations they belong to and their role in each; their name,
 * language and e-mail address, which they change themselves. The account's version travels as {@code ETag} and,
 * optionally, back as {@code If-Match}.
 */
@RestController
class MyAccountController {

	private final People people;

	private final Organisations organisations;

	private final ProfileEditing profiles;

	MyAccountController(People people, Organisations organisations, ProfileEditing profiles) {
		this.people = people;
		this.organisations = organisations;
		this.profiles = profiles;
	}

	@GetMapping("/api/identity/me")
	ResponseEntity<MeResponse> me(Actor actor) {
		Person person = this.people.find(actor.personId())
			.orElseThrow(() -> Refusal.of(Reason.NOT_FOUND, "person-not-found"));
		return answer(person);
	}

	@PutMapping("/api/identity/me")
	ResponseEntity<MeResponse> changeProfile(Actor actor, @Valid @RequestBody ProfileRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		return answer(this.profiles.change(actor, request.displayName(), language(request), version(ifMatch)));
	}

	/**
	 * The language as {@code GET} names it ({@code preferredLanguage}) or by its older name ({@code language}); both
	 * may be sent if they agree.
	 */
	private static Language language(ProfileRequest request) {
		Language preferred = request.preferredLanguage();
		Language older = request.language();
		if (preferred != null && older != null && preferred != older) {
			throw new Refusal(Reason.INVALID, "language-conflict", "problem.language-conflict",
					List.of(new FieldProblem("preferredLanguage", "problem.language-conflict"),
							new FieldProblem("language", "problem.language-conflict")));
		}
		if (preferred != null) {
			return preferred;
		}
		if (older != null) {
			return older;
		}
		throw Refusal.invalidField("language-required", "preferredLanguage");
	}

	/** Answers alike whether the new address is free; the change happens when the e-mailed link is used. */
	@PutMapping("/api/identity/me/email")
	ResponseEntity<Void> changeEmail(Actor actor, @Valid @RequestBody EmailChangeRequest request) {
		this.profiles.requestEmailChange(actor, request.email());
		return ResponseEntity.accepted().build();
	}

	private ResponseEntity<MeResponse> answer(Person person) {
		List<MyOrganisation> organisations = this.organisations.ofMember(person.id())
			.stream()
			.map((o) -> new MyOrganisation(o.id(), o.profile().name(), o.status(), o.roleOf(person.id()).orElseThrow()))
			.toList();
		return ResponseEntity.ok()
			.eTag(IfMatch.etag(person.version()))
			.body(new MeResponse(person.id(), person.email(), person.displayName(), person.preferredLanguage(),
					person.admin(), organisations));
	}

	private static @Nullable Long version(@Nullable String ifMatch) {
		return IfMatch.version(ifMatch);
	}

	record MeResponse(String personId, String email, String displayName, Language preferredLanguage, boolean admin,
			List<MyOrganisation> organisations) {
	}

	record MyOrganisation(String id, String name, OrganisationStatus status, MembershipRole role) {
	}

	/**
	 * What a person may change about themselves.
	 * @param displayName the name shown to others; line breaks, control and direction characters are removed
	 * @param preferredLanguage the language the platform writes to them in, named as {@code GET} names it
	 * @param language the same under its older name, still accepted; if both are sent they must agree
	 */
	record ProfileRequest(@NotBlank @Size(max = 100) String displayName, @Nullable Language preferredLanguage,
			@Nullable Language language) {
	}

	/**
	 * The address a person wants to be written to from now on.
	 * @param email the new address
	 */
	record EmailChangeRequest(@NotBlank @Size(max = 254) String email) {
	}

}
