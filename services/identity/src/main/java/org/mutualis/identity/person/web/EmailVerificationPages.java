package org.mutualis.identity.person.web;

import org.mutualis.identity.person.application.EmailVerification;
import org.mutualis.platform.problem.Refusal;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page behind the e-mailed link that confirms an address, in French or English. Opening the link only shows a
 * button: mail scanners that open links do not use it up.
 */
@Controller
class EmailVerificationPages {

	private final EmailVerification verification;

	private final MessageSource messages;

	EmailVerificationPages(EmailVerification verification, MessageSource messages) {
		this.verification = verification;
		this.messages = messages;
	}

	@GetMapping("/auth/verify-email")
	String form(@RequestParam(defaultValue = "") String token, Model model) {
		return PasswordResetPages.page(model, "verify", token, null, null);
	}

	@PostMapping("/auth/verify-email")
	String verify(@RequestParam String token, Model model) {
		try {
			this.verification.verify(token);
			return PasswordResetPages.page(model, "done", null, "account.verify.done", null);
		}
		catch (Refusal refusal) {
			return PasswordResetPages.page(model, "verify", token, null,
					this.messages.getMessage(refusal.messageKey(), refusal.arguments(), LocaleContextHolder.getLocale()));
		}
	}

}
