package org.mutualis.web.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the header of every page shows: who is signed in, for which organisation (its name) in which role, and the
 * addresses of the current page in the other language.
 */
@ControllerAdvice
public class PageHeader {

	private static final String ACCOUNT = PageHeader.class.getName() + ".account";

	private final ServiceCalls services;

	private final Accounts accounts;

	PageHeader(ServiceCalls services, Accounts accounts) {
		this.services = services;
		this.accounts = accounts;
	}

	/**
	 * The signed-in person, or {@code null} for a visitor.
	 * @param request the request
	 * @return what the header shows of them
	 */
	@ModelAttribute("me")
	public @Nullable Me me(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser user)) {
			return null;
		}
		String name = (user.getFullName() != null) ? user.getFullName()
				: (user.getEmail() != null) ? user.getEmail() : user.getSubject();
		// an unreadable token shows the name only
		Acting acting = Acting.of(this.services.token());
		String organisationId = acting.organisation();
		Accounts.Account account = account(request.getSession());
		Accounts.Organisation organisation = (account != null) ? account.organisation(organisationId) : null;
		if (account != null && !account.name().isBlank() && !"null".equals(account.name())) {
			// identity's current name: the ID token keeps the one of the sign-in
			name = account.name();
		}
		return new Me(name, organisationId, (organisation != null) ? organisation.name() : null,
				(organisation != null) ? organisation.status() : null, acting.manager(), acting.admin(),
				(account != null) ? account.organisations() : List.of());
	}

	/**
	 * The address of this page in French and in English.
	 * @param request the request
	 * @return both addresses
	 */
	@ModelAttribute("languageLinks")
	public LanguageLinks languageLinks(HttpServletRequest request) {
		Object errorUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = (errorUri != null) ? errorUri.toString() : request.getRequestURI();
		String query = (errorUri != null) ? null : request.getQueryString();
		UriComponentsBuilder page = UriComponentsBuilder.fromPath(path).query(query).replaceQueryParam("lang");
		if ("POST".equals(request.getMethod())) {
			page = UriComponentsBuilder.fromPath(path);
		}
		return new LanguageLinks(page.cloneBuilder().queryParam("lang", "fr").build().toUriString(),
				page.cloneBuilder().queryParam("lang", "en").build().toUriString());
	}

	/**
	 * Forgets what the header read of the person's account, so that the next page reads it again (after they changed
	 * their name, for instance).
	 * @param session the person's session
	 */
	public static void forget(HttpSession session) {
		session.removeAttribute(ACCOUNT);
	}

	private Accounts.@Nullable Account account(HttpSession session) {
		if (session.getAttribute(ACCOUNT) instanceof Accounts.Account cached) {
			return cached;
		}
		try {
			Accounts.Account account = this.accounts.mine();
			session.setAttribute(ACCOUNT, account);
			return account;
		}
		catch (ServiceRefusal | ServiceUnavailable ex) {
			return null;
		}
	}

	/**
	 * The signed-in person as the header shows them.
	 * @param name their name
	 * @param organisationId the organisation they act for, or {@code null}
	 * @param organisationName its name, or {@code null} when unknown
	 * @param organisationStatus its status, or {@code null}
	 * @param manager whether they manage it
	 * @param admin whether they administer the platform
	 * @param organisations all their organisations
	 */
	public record Me(String name, @Nullable String organisationId, @Nullable String organisationName,
			@Nullable String organisationStatus, boolean manager, boolean admin,
			List<Accounts.Organisation> organisations) {

		/** @return the message key of their role */
		public String roleKey() {
			return this.admin ? "role.ADMIN" : this.manager ? "role.MANAGER" : "role.MEMBER";
		}

	}

	/**
	 * The current page in each language.
	 * @param fr in French
	 * @param en in English
	 */
	public record LanguageLinks(String fr, String en) {
	}

}
