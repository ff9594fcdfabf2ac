package org.mutualis.identity.organisation.web;

import java.util.List;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.mutualis.identity.common.Page;
import org.mutualis.identity.common.Paging;
import org.mutualis.identity.organisation.Organisation;
import org.mutualis.identity.organisation.OrganisationStatus;
import org.mutualis.identity.organisation.application.OrganisationAdministration;
import org.mutualis.identity.organisation.application.OrganisationRegistration;
import org.mutualis.identity.organisation.application.OrganisationViewing;
import org.mutualis.identity.organisation.web.OrganisationRequests.ReasonRequest;
import org.mutualis.identity.organisation.web.OrganisationRequests.RegistrationRequest;
import org.mutualis.platform.security.Actor;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Registration of organisations, their profile, and what administrators do with them. */
@RestController
class OrganisationController {

	/** Response header carrying the length of the whole list a page is taken from. */
	static final String TOTAL_COUNT = "X-Total-Count";

	private final OrganisationRegistration registration;

	private final OrganisationAdministration administration;

	private final OrganisationViewing viewing;

	private final OrganisationWebMapper mapper;

	OrganisationController(OrganisationRegistration registration, OrganisationAdministration administration,
			OrganisationViewing viewing, OrganisationWebMapper mapper) {
		this.registration = registration;
		this.administration = administration;
		this.viewing = viewing;
		this.mapper = mapper;
	}

	/**
	 * Answers alike whether the manager's address was free or already had an account, so that nobody learns which
	 * addresses have accounts; what follows arrives by e-mail at that address.
	 */
	@PostMapping("/api/identity/organisations")
	ResponseEntity<RegistrationAccepted> register(@Valid @RequestBody RegistrationRequest request) {
		this.registration.register(this.mapper.toRegistration(request));
		return ResponseEntity.accepted().body(new RegistrationAccepted(request.manager().email().trim()));
	}

	/**
	 * The answer to a registration.
	 *
	 * @param managerEmail the address where the next step arrives by e-mail
	 */
	record RegistrationAccepted(String managerEmail) {
	}

	@GetMapping("/api/identity/organisations/{id}")
	OrganisationResponse organisation(Actor actor, @PathVariable String id) {
		return this.mapper.toResponse(this.viewing.view(actor, id));
	}

	@GetMapping("/api/identity/admin/organisations")
	ResponseEntity<List<OrganisationResponse>> list(Actor actor,
			@RequestParam(required = false) @Nullable OrganisationStatus status,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size) {
		Page<Organisation> organisations = this.administration.list(actor, status, Paging.of(page, size));
		return ResponseEntity.ok()
			.header(TOTAL_COUNT, Long.toString(organisations.total()))
			.body(this.mapper.toResponses(organisations.items()));
	}

	@PostMapping("/api/identity/admin/organisations/{id}/approve")
	OrganisationResponse approve(Actor actor, @PathVariable String id) {
		return this.mapper.toResponse(this.administration.approve(actor, id));
	}

	@PostMapping("/api/identity/admin/organisations/{id}/reject")
	OrganisationResponse reject(Actor actor, @PathVariable String id, @Valid @RequestBody ReasonRequest request) {
		return this.mapper.toResponse(this.administration.reject(actor, id, request.reason()));
	}

	@PostMapping("/api/identity/admin/organisations/{id}/suspend")
	OrganisationResponse suspend(Actor actor, @PathVariable String id, @Valid @RequestBody ReasonRequest request) {
		return this.mapper.toResponse(this.administration.suspend(actor, id, request.reason()));
	}

	@PostMapping("/api/identity/admin/organisations/{id}/reactivate")
	OrganisationResponse reactivate(Actor actor, @PathVariable String id) {
		return this.mapper.toResponse(this.administration.reactivate(actor, id));
	}

}
