package org.mutualis.web;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The authorization requests web sends to identity: with the person's language ({@code ui_locales}), so that
 * identity's sign-in page speaks it, and with the organisation to act for when the person chose one
 * ({@code /signin/mutualis?organisation=<id>}).
 */
final class SignInRequests implements OAuth2AuthorizationRequestResolver {

	private final DefaultOAuth2AuthorizationRequestResolver defaults;

	private final LocaleResolver languages;

	SignInRequests(ClientRegistrationRepository registrations, String baseUri, LocaleResolver languages) {
		this.defaults = new DefaultOAuth2AuthorizationRequestResolver(registrations, baseUri);
		this.languages = languages;
	}

	@Override
	public @Nullable OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
		return customize(this.defaults.resolve(request), request, this.languages);
	}

	@Override
	public @Nullable OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
		return customize(this.defaults.resolve(request, clientRegistrationId), request, this.languages);
	}

	private static @Nullable OAuth2AuthorizationRequest customize(@Nullable OAuth2AuthorizationRequest authorization,
			HttpServletRequest request, LocaleResolver languages) {
		if (authorization == null) {
			return null;
		}
		Locale locale = languages.resolveLocale(request);
		String organisation = request.getParameter("organisation");
		return OAuth2AuthorizationRequest.from(authorization).additionalParameters((parameters) -> {
			parameters.put("ui_locales", "en".equals(locale.getLanguage()) ? "en" : "fr-CA");
			if (organisation != null && organisation.matches("[A-Za-z0-9-]{1,64}")) {
				parameters.put("organisation", organisation);
			}
		}).build();
	}

}
