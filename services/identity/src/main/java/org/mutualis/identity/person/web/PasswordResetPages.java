package org.mutualis.identity.person.web;

import org.jspecify.annotations.Nullable;
import org.mutualis.identity.person.application.PasswordReset;
import org.mutualis.platform.problem.Refusal;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The pages behind "forgot your password?" and the e-mailed reset link, in French or English. */
@Controller
class PasswordResetPages {

	private final PasswordReset passwordReset;

	private final MessageSource messages;

	PasswordResetPages(PasswordReset passwordReset, MessageSource messages) {
		this.passwordReset = passwordReset;
		this.messages = messages;
	}

	@GetMapping("/auth/forgot-password")
	String forgotForm(Model model) {
		return page(model, "forgot", null, null, null);
	}

	@PostMapping("/auth/forgot-password")
	String forgot(@RequestParam String email, Model model) {
		this.passwordReset.request(email);
		return page(model, "done", null, "account.forgot.sent", null);
	}

	@GetMapping("/auth/reset-password")
	String resetForm(@RequestParam(defaultValue = "") String token, Model model) {
		return page(model, "reset", token, null, null);
	}

	@PostMapping("/auth/reset-password")
	String reset(@RequestParam String token, @RequestParam String password, Model model) {
		try {
			this.passwordReset.complete(token, password);
			return page(model, "done", null, "account.reset.done", null);
		}
		catch (Refusal refusal) {
			return page(model, "reset", token, null,
					this.messages.getMessage(refusal.messageKey(), refusal.arguments(), LocaleContextHolder.getLocale()));
		}
	}

	static String page(Model model, String mode, @Nullable String token, @Nullable String doneKey,
			@Nullable String error) {
		String lang = "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? "en" : "fr";
		model.addAttribute("lang", lang);
		model.addAttribute("mode", mode);
		model.addAttribute("token", token);
		model.addAttribute("doneKey", doneKey);
		model.addAttribute("error", error);
		return "account";
	}

}
