package org.mutualis.web.account.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.mutualis.web.web.PageHeader;
import org.mutualis.web.web.ServiceCalls;
import org.mutualis.web.web.ServiceCalls.Service;
import org.mutualis.web.web.ServiceRefusal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An organisation registers with its first manager (identity's registration API, called server-side; identity then
 * e-mails the manager a link that proves the address); a visitor who forgot their password goes to identity's page in
 * their language; a signed-in person changes their display name and language (which also becomes web's language).
 */
@Controller
class AccountPagesController {

	/** The languages a person may choose on their profile: those of web's pages and of the platform's e-mails. */
	static final List<String> PROFILE_LANGUAGES = List.of("fr", "en");

	static final List<String> LEGAL_FORMS = List.of("NON_PROFIT", "COOPERATIVE", "SOCIAL_ENTERPRISE", "OTHER");

	private static final String[] FIELDS = { "name", "legalForm", "sector", "mrc", "municipality", "contactEmail",
			"contactPhone", "manager.displayName", "manager.email", "manager.password" };

	private final ServiceCalls services;

	private final LocaleResolver languages;

	AccountPagesController(ServiceCalls services, LocaleResolver languages) {
		this.services = services;
		this.languages = languages;
	}

	@GetMapping("/inscription")
	String registrationForm(Model model) {
		Map<String, String> form = new LinkedHashMap<>();
		for (String field : FIELDS) {
			form.put(field, "");
		}
		return registration(model, form);
	}

	@PostMapping("/inscription")
	String register(@RequestParam MultiValueMap<String, String> submitted, Model model, RedirectAttributes redirect) {
		Map<String, String> form = new LinkedHashMap<>();
		for (String field : FIELDS) {
			String value = submitted.getFirst(field);
			form.put(field, (value != null) ? value.strip() : "");
		}
		String language = language();
		Map<String, Object> manager = new LinkedHashMap<>();
		manager.put("email", form.get("manager.email"));
		manager.put("displayName", form.get("manager.displayName"));
		manager.put("password", submitted.getFirst("manager.password") != null ? submitted.getFirst("manager.password") : "");
		manager.put("preferredLanguage", language);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", form.get("name"));
		body.put("legalForm", LEGAL_FORMS.contains(form.get("legalForm")) ? form.get("legalForm") : null);
		body.put("sector", form.get("sector"));
		body.put("mrc", form.get("mrc"));
		body.put("municipality", form.get("municipality"));
		body.put("contactEmail", form.get("contactEmail"));
		if (!form.get("contactPhone").isBlank()) {
			body.put("contactPhone", form.get("contactPhone"));
		}
		body.put("preferredLanguage", language);
		body.put("manager", manager);
		try {
			Map<String, Object> answer = this.services
				.exchange(Service.IDENTITY, HttpMethod.POST, "/api/identity/organisations", body, null)
				.getBody();
			redirect.addFlashAttribute("managerEmail", answer.getOrDefault("managerEmail", form.get("manager.email")));
			return "redirect:/inscription/envoyee";
		}
		catch (ServiceRefusal refusal) {
			form.put("manager.password", "");
			model.addAttribute("problem", refusal);
			return registration(model, form);
		}
	}

	@GetMapping("/inscription/envoyee")
	String registered() {
		return "registered";
	}

	@GetMapping("/mot-de-passe-oublie")
	String forgotPassword() {
		// identity's page, through the gateway (same host), in the person's language
		return "redirect:/auth/forgot-password?lang=" + ("en".equals(language()) ? "en" : "fr");
	}

	@GetMapping("/profil")
	String profile(Model model) {
		Map<String, Object> me = this.services.get(Service.IDENTITY, "/api/identity/me");
		Map<String, String> form = new LinkedHashMap<>();
		form.put("displayName", String.valueOf(me.getOrDefault("displayName", "")));
		form.put("language", "en".equals(String.valueOf(me.get("preferredLanguage"))) ? "en" : "fr");
		model.addAttribute("form", form);
		model.addAttribute("email", me.get("email"));
		return "profile";
	}

	@PostMapping("/profil")
	String saveProfile(@RequestParam(defaultValue = "") String displayName,
			@RequestParam(required = false) @Nullable String language, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("displayName", displayName);
		if (language == null || !PROFILE_LANGUAGES.contains(language)) {
			// a language web does not speak (or none): said beside the field, nothing sent, the old one kept
			form.put("language", "");
			model.addAttribute("form", form);
			model.addAttribute("languageError", "profile.language.invalid");
			return "profile";
		}
		form.put("language", language);
		try {
			this.services.exchange(Service.IDENTITY, HttpMethod.PUT, "/api/identity/me",
					Map.of("displayName", displayName.strip(), "language", language), null);
		}
		catch (ServiceRefusal refusal) {
			model.addAttribute("form", form);
			model.addAttribute("problem", refusal);
			return "profile";
		}
		this.languages.setLocale(request, response, "en".equals(language) ? Locale.ENGLISH : Locale.CANADA_FRENCH);
		PageHeader.forget(request.getSession());
		redirect.addFlashAttribute("done", "profile.done");
		return "redirect:/profil";
	}

	private String registration(Model model, Map<String, String> form) {
		model.addAttribute("form", form);
		model.addAttribute("legalForms", LEGAL_FORMS);
		model.addAttribute("mrcs", mrcs());
		return "register";
	}

	private List<String> mrcs() {
		List<String> mrcs = new ArrayList<>();
		for (Map<String, Object> region : this.services.list(Service.IDENTITY, "/api/identity/regions")) {
			if (region.get("mrcs") instanceof List<?> names) {
				names.forEach((name) -> mrcs.add(String.valueOf(name)));
			}
		}
		return mrcs.stream().sorted().distinct().toList();
	}

	private static String language() {
		return "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? "en" : "fr";
	}

}
