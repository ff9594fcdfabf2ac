package org.mutualis.web.notification.web;

import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.mutualis.web.web.ServiceCalls;
import org.mutualis.web.web.ServiceCalls.Service;
import org.mutualis.web.web.ServiceRefusal;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The link at the foot of every notification e-mail, {@code /notifications/preferences?unsubscribe=<token>}, for
 * anyone who follows it, signed in or not (the token is the credential). Opening it changes nothing, since mail
 * scanners open links: it asks to confirm, and the confirmation's form posts to {@code /notifications/desabonnement},
 * which calls notifications' one-click unsubscribe ({@code POST /api/notifications/unsubscribe/{token}})
 * anonymously — never with the signed-in person's token, whose e-mails the link may not be about — and says which
 * e-mails stop. A malformed token reaches no service; one notifications does not know says the link is not valid.
 */
@Controller
class UnsubscribePagesController {

	/** Notifications' tokens are base64url (letters, digits, {@code -} and {@code _}); anything else is no token. */
	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,100}");

	private final ServiceCalls services;

	UnsubscribePagesController(ServiceCalls services) {
		this.services = services;
	}

	@GetMapping(path = "/notifications/preferences", params = "unsubscribe")
	String confirm(@RequestParam("unsubscribe") String token, Model model, HttpServletResponse response) {
		if (!wellFormed(token)) {
			return notValid(model, response);
		}
		model.addAttribute("state", "confirm");
		model.addAttribute("token", token);
		return "unsubscribe";
	}

	@PostMapping("/notifications/desabonnement")
	String unsubscribe(@RequestParam(required = false) @Nullable String token, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (token == null || !wellFormed(token)) {
			return notValid(model, response);
		}
		@Nullable Map<String, Object> answer;
		try {
			answer = this.services
				.exchangeAnonymously(Service.NOTIFICATIONS, HttpMethod.POST, "/api/notifications/unsubscribe/" + token)
				.getBody();
		}
		catch (ServiceRefusal refusal) {
			int status = refusal.getStatusCode().value();
			if (status == 404 || status == 400) {
				// unsubscribe-token-unknown: never issued, mistyped, or purged with the e-mails of its time
				return notValid(model, response);
			}
			throw refusal;
		}
		Object category = (answer != null) ? answer.get("category") : null;
		redirect.addFlashAttribute("unsubscribed",
				NotificationPagesController.CATEGORIES.contains(category) ? category : "");
		return "redirect:/notifications/desabonnement";
	}

	/**
	 * What the confirmation leads to: the e-mails that stopped, named in the page's language; without the flash of
	 * a confirmation just made (the page reloaded, or opened in the other language), where e-mails are chosen.
	 */
	@GetMapping("/notifications/desabonnement")
	String done(Model model) {
		Object unsubscribed = model.getAttribute("unsubscribed");
		model.addAttribute("state", (unsubscribed != null) ? "done" : "none");
		model.addAttribute("category", (unsubscribed instanceof String name && !name.isEmpty()) ? name : null);
		return "unsubscribe";
	}

	private static String notValid(Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		model.addAttribute("state", "invalid");
		return "unsubscribe";
	}

	private static boolean wellFormed(String token) {
		return TOKEN.matcher(token).matches();
	}

}
