package org.mutualis.identity;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import jakarta.servlet.http.HttpServletRequest;
import org.mutualis.identity.person.DesignatedAdministrators;
import org.mutualis.identity.person.PasswordHasher;
import org.mutualis.identity.person.PasswordPolicy;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/** The policies and technical beans the features share: password hashing and rules, the caller's language. */
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
				// no stored password is that long, and BCrypt would throw instead of answering
				return !PasswordPolicy.tooLong(password) && encoder.matches(password, hash);
			}
		};
	}

	/**
	 * The local/demo mode: said explicitly by {@code mutualis.identity.local-mode}, otherwise recognised by what the
	 * local launcher sets (demo data, or e-mails written to a folder), which no deployment uses.
	 */
	@Bean
	DeploymentMode deploymentMode(IdentityProperties properties, Environment environment) {
		if (properties.localMode() != null) {
			return new DeploymentMode(properties.localMode());
		}
		boolean demo = environment.getProperty("mutualis.demo.enabled", Boolean.class, false);
		return new DeploymentMode(demo || "folder".equals(environment.getProperty("mutualis.mail.mode")));
	}

	@Bean
	DesignatedAdministrators designatedAdministrators(IdentityProperties properties) {
		return DesignatedAdministrators.of(properties.administrators());
	}

	@Bean
	PasswordPolicy passwordPolicy() {
		return PasswordPolicy.standard();
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
				String asked = uiLocales(request);
				if (asked != null) {
					return asked.startsWith("en") ? Locale.ENGLISH : Locale.CANADA_FRENCH;
				}
				return super.resolveLocale(request);
			}
		};
		resolver.setSupportedLocales(List.of(Locale.CANADA_FRENCH, Locale.FRENCH, Locale.ENGLISH, Locale.CANADA,
				Locale.US, Locale.UK));
		resolver.setDefaultLocale(Locale.CANADA_FRENCH);
		return resolver;
	}

	/**
	 * The first language of {@code ui_locales} (OIDC) of this request or of the authorization request that sent the
	 * person to sign in (kept in the session until they have): the web application passes the person's language.
	 */
	private static @Nullable String uiLocales(HttpServletRequest request) {
		String asked = request.getParameter("ui_locales");
		if (asked == null && request.getSession(false) != null
				&& request.getSession(false).getAttribute("SPRING_SECURITY_SAVED_REQUEST") instanceof SavedRequest saved) {
			String[] values = saved.getParameterValues("ui_locales");
			asked = (values != null && values.length > 0) ? values[0] : null;
		}
		return (asked == null || asked.isBlank()) ? null : asked.trim().split("\\s+")[0];
	}

}
