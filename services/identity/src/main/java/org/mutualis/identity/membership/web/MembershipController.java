package org.mutualis.identity.membership.web;

import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.mutualis.identity.common.Language;
import org.mutualis.identity.common.Paging;
import org.mutualis.identity.membership.Acceptance;
import org.mutualis.identity.membership.Invitation;
import org.mutualis.identity.membership.application.InvitationAcceptance;
import org.mutualis.identity.membership.application.MembershipManagement;
import org.mutualis.identity.organisation.Member;
import org.mutualis.identity.organisation.MembershipRole;
import org.mutualis.identity.organisation.Organisation;
import org.mutualis.identity.organisation.application.OrganisationViewing;
import org.mutualis.identity.person.People;
import org.mutualis.identity.person.Person;
import org.mutualis.platform.security.Actor;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Members of an organisation: listing, inviting, accepting an invitation, changing roles, removing. */
@RestController
class MembershipController {

	private final MembershipManagement memberships;

	private final InvitationAcceptance acceptance;

	private final OrganisationViewing viewing;

	private final People people;

	private final MembershipWebMapper mapper;

	MembershipController(MembershipManagement memberships, InvitationAcceptance acceptance, OrganisationViewing viewing,
			People people, MembershipWebMapper mapper) {
		this.memberships = memberships;
		this.acceptance = acceptance;
		this.viewing = viewing;
		this.people = people;
		this.mapper = mapper;
	}

	@GetMapping("/api/identity/organisations/{id}/members")
	ResponseEntity<List<MemberResponse>> members(Actor actor, @PathVariable String id,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size) {
		Paging paging = Paging.of(page, size);
		Organisation organisation = this.viewing.view(actor, id);
		List<Member> members = organisation.members()
			.stream()
			.sorted(Comparator.comparing(Member::joinedAt).thenComparing(Member::personId))
			.skip(paging.offset())
			.limit(paging.size())
			.toList();
		Map<String, Person> people = this.people.findAll(members.stream().map(Member::personId).toList())
			.stream()
			.collect(Collectors.toMap(Person::id, Function.identity()));
		List<MemberResponse> body = members.stream()
			.filter((member) -> people.containsKey(member.personId()))
			.map((member) -> this.mapper.toResponse(member, people.get(member.personId())))
			.toList();
		return ResponseEntity.ok().header("X-Total-Count", Integer.toString(organisation.members().size())).body(body);
	}

	@PostMapping("/api/identity/organisations/{id}/invitations")
	ResponseEntity<InvitationResponse> invite(Actor actor, @PathVariable String id,
			@Valid @RequestBody InvitationRequest request) {
		Invitation invitation = this.memberships.invite(actor, id, request.email(), request.role());
		return ResponseEntity.created(URI.create("/api/identity/organisations/" + id + "/invitations/" + invitation.id()))
			.body(this.mapper.toResponse(invitation));
	}

	@GetMapping("/api/identity/organisations/{id}/invitations")
	ResponseEntity<List<InvitationResponse>> pendingInvitations(Actor actor, @PathVariable String id,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size) {
		Paging paging = Paging.of(page, size);
		MembershipManagement.PendingInvitations pending = this.memberships.pendingInvitations(actor, id,
				paging.offset(), paging.size());
		return ResponseEntity.ok()
			.header("X-Total-Count", Long.toString(pending.total()))
			.body(pending.page().stream().map(this.mapper::toResponse).toList());
	}

	@DeleteMapping("/api/identity/organisations/{id}/invitations/{invitationId}")
	ResponseEntity<Void> withdraw(Actor actor, @PathVariable String id, @PathVariable String invitationId) {
		this.memberships.withdraw(actor, id, invitationId);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/identity/invitations/accept")
	AcceptedResponse accept(@Nullable Actor actor, @Valid @RequestBody AcceptanceRequest request) {
		Organisation organisation = this.acceptance.accept(new Acceptance(request.token(), request.displayName(),
				request.password(), request.preferredLanguage(), (actor != null) ? actor.personId() : null));
		return new AcceptedResponse(organisation.id(), organisation.profile().name());
	}

	@PutMapping("/api/identity/organisations/{id}/members/{personId}/role")
	ResponseEntity<Void> changeRole(Actor actor, @PathVariable String id, @PathVariable String personId,
			@Valid @RequestBody RoleRequest request) {
		this.memberships.changeRole(actor, id, personId, request.role());
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/api/identity/organisations/{id}/members/{personId}")
	ResponseEntity<Void> remove(Actor actor, @PathVariable String id, @PathVariable String personId) {
		this.memberships.remove(actor, id, personId);
		return ResponseEntity.noContent().build();
	}

	record InvitationRequest(@NotBlank @Email @Size(max = 254) String email, @NotNull MembershipRole role) {
	}

	record InvitationResponse(String id, String organisationId, String email, MembershipRole role, Instant createdAt,
			Instant expiresAt) {
	}

	record AcceptanceRequest(@NotBlank String token, @Nullable @Size(max = 100) String displayName,
			@Nullable String password, @Nullable Language preferredLanguage) {
	}

	record AcceptedResponse(String organisationId, String organisationName) {
	}

	record RoleRequest(@NotNull MembershipRole role) {
	}

	record MemberResponse(String personId, String displayName, String email, MembershipRole role, Instant joinedAt) {
	}

}
