package org.mutualis.identity.membership.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.mutualis.identity.common.Language;
import org.mutualis.identity.membership.Acceptance;
import org.mutualis.identity.membership.application.InvitationAcceptance;
import org.mutualis.identity.person.Person;
import org.mutualis.identity.person.SignInResult;
import org.mutualis.identity.person.application.SignIn;
import org.mutualis.platform.problem.Refusal;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page behind the e-mailed invitation link: a newcomer chooses a name and a password, someone with an account
 * enters its password, then joins.
 */
@Controller
class InvitationPages {

	private final InvitationAcceptance acceptance;

	private final MessageSource messages;

	private final SignIn signIn;

	InvitationPages(InvitationAcceptance acceptance, MessageSource messages, SignIn signIn) {
		this.acceptance = acceptance;
		this.signIn = signIn;
		this.messages = messages;
	}

	@GetMapping("/auth/invitation")
	String form(@RequestParam(defaultValue = "") String token, Model model) {
		return page(model, "invitation", token, null);
	}

	@PostMapping("/auth/invitation")
	String accept(@RequestParam String token, @RequestParam(required = false) @Nullable String displayName,
			@RequestParam(required = false) @Nullable String password, HttpServletRequest request, Model model) {
		Language language = "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? Language.en : Language.fr;
		try {
			this.acceptance.accept(new Acceptance(token, blankToNull(displayName), blankToNull(password), language,
					signedInAs(token, password, request)));
			return page(model, "done", null, null);
		}
		catch (Refusal refusal) {
			return page(model, "invitation", token,
					this.messages.getMessage(refusal.messageKey(), refusal.arguments(), LocaleContextHolder.getLocale()));
		}
	}

	private static String page(Model model, String mode, @Nullable String token, @Nullable String error) {
		String lang = "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? "en" : "fr";
		model.addAttribute("lang", lang);
		model.addAttribute("mode", mode);
		model.addAttribute("token", token);
		model.addAttribute("doneKey", "done".equals(mode) ? "account.invitation.done" : null);
		model.addAttribute("error", error);
		return "account";
	}

	/**
	 * For an address that has a proven account, the page signs that account in with the password typed (counted by
	 * the sign-in throttle like any other attempt).
	 */
	private @Nullable String signedInAs(String token, @Nullable String password, HttpServletRequest request) {
		Optional<String> account = this.acceptance.provenAccountInvited(token);
		if (account.isEmpty() || password == null) {
			return null;
		}
		return switch (this.signIn.attempt(account.get(), password, request.getRemoteAddr())) {
			case SignInResult.SignedIn(Person person) -> person.id();
			default -> null;
		};
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
