package org.mutualis.identity.token.server;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.mutualis.identity.IdentityProperties;
import org.mutualis.identity.organisation.Organisations;
import org.mutualis.identity.person.People;
import org.mutualis.identity.person.Person;
import org.mutualis.identity.token.ActingOrganisation;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Signs every token with the active key and gives access tokens what the services rely on: {@code aud}, and for
 * a person {@code org} (the acting organisation) and {@code roles}; a service client gets {@code roles: [SERVICE]}.
 */
@Component
class AccessTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	private final SigningKeys keys;

	private final People people;

	private final Organisations organisations;

	private final String audience;

	AccessTokenClaims(SigningKeys keys, People people, Organisations organisations, IdentityProperties properties) {
		this.keys = keys;
		this.people = people;
		this.organisations = organisations;
		this.audience = properties.audience();
	}

	@Override
	public void customize(JwtEncodingContext context) {
		context.getJwsHeader().keyId(this.keys.activeKeyId());
		if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
			// the web client shows who is signed in without another call
			this.people.find(context.getPrincipal().getName()).ifPresent((person) -> context.getClaims()
				.claim("email", person.email())
				.claim("name", person.displayName())
				.claim("locale", person.preferredLanguage().name()));
			return;
		}
		if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
			return;
		}
		// mutable lists: the claims are also kept in the stored authorization, whose JSON allows only known types
		context.getClaims().audience(new ArrayList<>(List.of(this.audience)));
		if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
			context.getClaims().claim("roles", new ArrayList<>(List.of("SERVICE")));
			return;
		}
		String personId = context.getPrincipal().getName();
		Person person = this.people.find(personId).orElseThrow(() -> invalidGrant("unknown person"));
		ActingOrganisation.Choice choice = ActingOrganisation
			.choose(personId, person.admin(), this.organisations.ofMember(personId), requestedOrganisation(context))
			.orElseThrow(() -> invalidGrant("not a member of the requested organisation"));
		if (choice.organisationId() != null) {
			context.getClaims().claim("org", choice.organisationId());
		}
		context.getClaims().claim("roles", new ArrayList<>(choice.roles()));
	}

	private static @Nullable String requestedOrganisation(JwtEncodingContext context) {
		OAuth2Authorization authorization = context.getAuthorization();
		if (authorization == null) {
			return null;
		}
		OAuth2AuthorizationRequest request = authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
		if (request == null) {
			return null;
		}
		Object organisation = request.getAdditionalParameters().get(AuthorizationServerConfiguration.ORGANISATION_PARAMETER);
		return (organisation != null) ? organisation.toString() : null;
	}

	private static OAuth2AuthenticationException invalidGrant(String description) {
		return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, description, null));
	}

}
