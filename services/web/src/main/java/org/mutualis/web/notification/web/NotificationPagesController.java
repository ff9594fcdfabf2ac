package org.mutualis.web.notification.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mutualis.web.web.ServiceCalls;
import org.mutualis.web.web.ServiceCalls.Service;
import org.mutualis.web.web.ServiceRefusal;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The person's inbox (newest first, mark one or all read), the live unread count of the header, and their
 * notification preferences (e-mail per category, a daily digest), at the paths notifications' links use.
 */
@Controller
class NotificationPagesController {

	static final List<String> CATEGORIES = List.of("BOOKINGS", "REMINDERS", "LISTINGS", "ORGANISATION",
			"CONVERSATIONS");

	private final ServiceCalls services;

	private final UnreadRelay relay;

	NotificationPagesController(ServiceCalls services, UnreadRelay relay) {
		this.services = services;
		this.relay = relay;
	}

	@GetMapping("/notifications")
	String inbox(@RequestParam(defaultValue = "0") int page, Model model) {
		int number = Math.max(0, Math.min(page, 1000));
		model.addAttribute("inbox",
				this.services.get(Service.NOTIFICATIONS, "/api/notifications/inbox?size=20&page=" + number));
		model.addAttribute("pageNumber", number);
		return "inbox";
	}

	@PostMapping("/notifications/{id}/lue")
	String read(@PathVariable String id, RedirectAttributes redirect) {
		this.services.exchange(Service.NOTIFICATIONS, HttpMethod.POST,
				"/api/notifications/inbox/" + safe(id) + "/read", null, null);
		return "redirect:/notifications";
	}

	@PostMapping("/notifications/tout-lu")
	String readAll(RedirectAttributes redirect) {
		this.services.exchange(Service.NOTIFICATIONS, HttpMethod.POST, "/api/notifications/inbox/read-all", null,
				null);
		redirect.addFlashAttribute("done", "inbox.done.all-read");
		return "redirect:/notifications";
	}

	/** The header's live badge: notifications' stream relayed with the person's token, counts only. */
	@GetMapping(path = "/notifications/flux", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter unread() {
		String token = this.services.token();
		if (token == null) {
			throw new ClientAuthorizationRequiredException(ServiceCalls.REGISTRATION);
		}
		Map<String, Object> newest = this.services.get(Service.NOTIFICATIONS, "/api/notifications/inbox?size=1");
		long sequence = 0;
		if (newest.get("items") instanceof List<?> items && !items.isEmpty() && items.get(0) instanceof Map<?, ?> first
				&& first.get("sequence") instanceof Number number) {
			sequence = number.longValue();
		}
		return this.relay.open(token, sequence, LocaleContextHolder.getLocale());
	}

	@GetMapping("/notifications/preferences")
	String preferences(Model model) {
		Map<String, Object> preferences = this.services.get(Service.NOTIFICATIONS, "/api/notifications/preferences");
		Map<String, Boolean> email = new LinkedHashMap<>();
		for (String category : CATEGORIES) {
			email.put(category, preferences.get("categories") instanceof Map<?, ?> categories
					&& categories.get(category) instanceof Map<?, ?> channels && Boolean.TRUE.equals(channels.get("email")));
		}
		return preferences(model, email, Boolean.TRUE.equals(preferences.get("dailyDigest")));
	}

	private static String preferences(Model model, Map<String, Boolean> email, boolean dailyDigest) {
		model.addAttribute("emailOn", email);
		model.addAttribute("dailyDigest", dailyDigest);
		model.addAttribute("categories", CATEGORIES);
		return "preferences";
	}

	@PostMapping("/notifications/preferences")
	String savePreferences(@RequestParam MultiValueMap<String, String> submitted, Model model,
			RedirectAttributes redirect) {
		Map<String, Object> categories = new LinkedHashMap<>();
		Map<String, Boolean> email = new LinkedHashMap<>();
		for (String category : CATEGORIES) {
			email.put(category, "on".equals(submitted.getFirst("email-" + category)));
			categories.put(category, Map.of("inApp", true, "email", email.get(category)));
		}
		boolean dailyDigest = "on".equals(submitted.getFirst("dailyDigest"));
		Map<String, Object> body = Map.of("categories", categories, "dailyDigest", dailyDigest);
		try {
			this.services.exchange(Service.NOTIFICATIONS, HttpMethod.PUT, "/api/notifications/preferences", body, null);
		}
		catch (ServiceRefusal refusal) {
			model.addAttribute("problem", refusal);
			return preferences(model, email, dailyDigest);
		}
		redirect.addFlashAttribute("done", "preferences.done");
		return "redirect:/notifications/preferences";
	}

	private static String safe(String id) {
		if (!id.matches("[A-Za-z0-9_:.-]{1,200}")) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return id;
	}

}
