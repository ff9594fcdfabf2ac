package org.mutualis.identity;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.mutualis.identity.membership.InvitationNotices;
import org.mutualis.identity.membership.Invitations;
import org.mutualis.identity.membership.MembershipManagement;
import org.mutualis.identity.organisation.OrganisationAdministration;
import org.mutualis.identity.organisation.OrganisationNotices;
import org.mutualis.identity.organisation.OrganisationRegistration;
import org.mutualis.identity.organisation.Organisations;
import org.mutualis.identity.person.LockoutPolicy;
import org.mutualis.identity.person.PasswordHasher;
import org.mutualis.identity.person.PasswordPolicy;
import org.mutualis.identity.person.PasswordReset;
import org.mutualis.identity.person.PasswordResetNotices;
import org.mutualis.identity.person.People;
import org.mutualis.identity.person.SignIn;
import org.mutualis.identity.region.Regions;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/** Wires the Spring-free application services of the features to their stores and adapters. */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		// bcrypt by default; the {id} prefix lets stored hashes move to a stronger function later
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	PasswordHasher passwordHasher(PasswordEncoder encoder) {
		return new PasswordHasher() {
			@Override
			public String hash(String password) {
				return encoder.encode(password);
			}

			@Override
			public boolean matches(String password, String hash) {
				return encoder.matches(password, hash);
			}
		};
	}

	@Bean
	PasswordPolicy passwordPolicy() {
		return PasswordPolicy.standard();
	}

	@Bean
	SignIn signIn(People people, PasswordHasher hasher, Clock clock) {
		return new SignIn(people, hasher, LockoutPolicy.STANDARD, clock);
	}

	@Bean
	PasswordReset passwordReset(People people, PasswordPolicy policy, PasswordHasher hasher,
			PasswordResetNotices notices, Clock clock) {
		return new PasswordReset(people, policy, hasher, notices, clock);
	}

	@Bean
	OrganisationRegistration organisationRegistration(Organisations organisations, People people, Regions regions,
			PasswordPolicy policy, PasswordHasher hasher, Clock clock) {
		return new OrganisationRegistration(organisations, people, regions, policy, hasher, clock);
	}

	@Bean
	OrganisationAdministration organisationAdministration(Organisations organisations, OrganisationNotices notices,
			Clock clock) {
		return new OrganisationAdministration(organisations, notices, clock);
	}

	@Bean
	MembershipManagement membershipManagement(Organisations organisations, People people, Invitations invitations,
			InvitationNotices notices, PasswordPolicy policy, PasswordHasher hasher, Clock clock) {
		return new MembershipManagement(organisations, people, invitations, notices, policy, hasher, clock);
	}

	/**
	 * The caller's language: {@code ?lang=fr|en} first (the sign-in pages), then {@code Accept-Language}, French by
	 * default.
	 */
	@Bean
	LocaleResolver localeResolver() {
		AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver() {
			@Override
			public Locale resolveLocale(HttpServletRequest request) {
				String lang = request.getParameter("lang");
				if ("en".equals(lang)) {
					return Locale.ENGLISH;
				}
				if ("fr".equals(lang)) {
					return Locale.CANADA_FRENCH;
				}
				return super.resolveLocale(request);
			}
		};
		resolver.setSupportedLocales(List.of(Locale.CANADA_FRENCH, Locale.FRENCH, Locale.ENGLISH, Locale.CANADA,
				Locale.US, Locale.UK));
		resolver.setDefaultLocale(Locale.CANADA_FRENCH);
		return resolver;
	}

}
