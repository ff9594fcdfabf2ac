package org.mutualis.web.conversation.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mutualis.web.web.ServiceCalls;
import org.mutualis.web.web.ServiceCalls.Service;
import org.mutualis.web.web.ServiceRefusal;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The acting organisation's conversations (most recent first), one thread with its messages, and a message sent to
 * it. A booking's thread opens with its first message: until then {@code /conversations/booking:<id>} shows an
 * empty thread whose form posts about the booking.
 */
@Controller
class ConversationPagesController {

	private static final String BOOKING = "booking:";

	private final ServiceCalls services;

	ConversationPagesController(ServiceCalls services) {
		this.services = services;
	}

	@GetMapping("/conversations")
	String list(Model model) {
		model.addAttribute("conversations", this.services.list(Service.NOTIFICATIONS, "/api/notifications/conversations"));
		return "conversations";
	}

	@GetMapping("/conversations/{id}")
	String thread(@PathVariable String id, Model model) {
		String conversation = safe(id);
		model.addAttribute("conversation", read(conversation));
		model.addAttribute("conversationId", conversation);
		model.addAttribute("form", new LinkedHashMap<>(Map.of("text", "")));
		markRead(conversation);
		return "conversation";
	}

	@PostMapping("/conversations/{id}/messages")
	String send(@PathVariable String id, @RequestParam(defaultValue = "") String text, Model model,
			RedirectAttributes redirect) {
		String conversation = safe(id);
		String path = conversation.startsWith(BOOKING)
				? "/api/notifications/conversations/bookings/" + conversation.substring(BOOKING.length()) + "/messages"
				: "/api/notifications/conversations/" + encode(conversation) + "/messages";
		try {
			this.services.exchange(Service.NOTIFICATIONS, HttpMethod.POST, path, Map.of("text", text), null);
		}
		catch (ServiceRefusal refusal) {
			model.addAttribute("conversation", read(conversation));
			model.addAttribute("conversationId", conversation);
			model.addAttribute("form", new LinkedHashMap<>(Map.of("text", text)));
			model.addAttribute("problem", refusal);
			return "conversation";
		}
		redirect.addFlashAttribute("done", "conversation.sent");
		return "redirect:/conversations/" + encode(conversation);
	}

	private Map<String, Object> read(String conversation) {
		try {
			return this.services.get(Service.NOTIFICATIONS, "/api/notifications/conversations/" + encode(conversation));
		}
		catch (ServiceRefusal refusal) {
			if (refusal.getStatusCode().value() == 404 && conversation.startsWith(BOOKING)) {
				// no message yet about this booking: an empty thread, which the first message opens
				return Map.of("id", conversation, "kind", "BOOKING", "messages", List.of(), "empty", true);
			}
			throw refusal;
		}
	}

	private void markRead(String conversation) {
		try {
			this.services.exchange(Service.NOTIFICATIONS, HttpMethod.POST,
					"/api/notifications/conversations/" + encode(conversation) + "/read", null, null);
		}
		catch (ServiceRefusal refusal) {
			// an unopened booking thread has nothing to mark read
		}
	}

	private static String encode(String conversation) {
		return URLEncoder.encode(conversation, StandardCharsets.UTF_8);
	}

	private static String safe(String id) {
		if (!id.matches("[A-Za-z0-9_:-]{1,300}")) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return id;
	}

}
