package org.mutualis.identity.token.web;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page, in French or English ({@code ?lang=} or {@code Accept-Language}). */
@Controller
class SignInPageController {

	@GetMapping("/auth/login")
	String login(@RequestParam(required = false) @Nullable String error,
			@RequestParam(required = false) @Nullable String throttled,
			@RequestParam(required = false) @Nullable String unverified,
			@RequestParam(required = false) @Nullable Long wait,
			Model model) {
		Locale locale = LocaleContextHolder.getLocale();
		String lang = locale.getLanguage().equals("en") ? "en" : "fr";
		model.addAttribute("lang", lang);
		model.addAttribute("otherLang", lang.equals("en") ? "fr" : "en");
		model.addAttribute("error", error != null);
		model.addAttribute("throttled", throttled != null);
		model.addAttribute("unverified", unverified != null);
		model.addAttribute("wait", (wait != null && wait > 0) ? wait : 1);
		return "login";
	}

}
