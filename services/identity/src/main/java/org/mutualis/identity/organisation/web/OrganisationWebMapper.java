package org.mutualis.identity.organisation.web;

import java.util.List;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mutualis.identity.organisation.Organisation;
import org.mutualis.identity.organisation.OrganisationState;
import org.mutualis.identity.organisation.Registration;
import org.mutualis.identity.organisation.web.OrganisationRequests.RegistrationRequest;

/** Maps organisation requests to commands and organisations to responses. */
@Mapper
interface OrganisationWebMapper {

	@Mapping(target = "name", source = "profile.name")
	@Mapping(target = "legalForm", source = "profile.legalForm")
	@Mapping(target = "sector", source = "profile.sector")
	@Mapping(target = "region", source = "profile.region")
	@Mapping(target = "mrc", source = "profile.mrc")
	@Mapping(target = "municipality", source = "profile.municipality")
	@Mapping(target = "contactEmail", source = "profile.contactEmail")
	@Mapping(target = "contactPhone", source = "profile.contactPhone")
	@Mapping(target = "preferredLanguage", source = "profile.preferredLanguage")
	OrganisationResponse toResponse(OrganisationState state);

	default OrganisationResponse toResponse(Organisation organisation) {
		return toResponse(organisation.state());
	}

	default List<OrganisationResponse> toResponses(List<Organisation> organisations) {
		return organisations.stream().map(this::toResponse).toList();
	}

	@Mapping(target = "managerEmail", source = "manager.email")
	@Mapping(target = "managerDisplayName", source = "manager.displayName")
	@Mapping(target = "managerPassword", source = "manager.password")
	@Mapping(target = "managerLanguage",
			expression = "java(request.manager().preferredLanguage() != null ? request.manager().preferredLanguage() : request.preferredLanguage())")
	Registration toRegistration(RegistrationRequest request);

}
