package org.mutualis.web.operations.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
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
 * The administrators' dead-letter overview: for each event topic, the messages its consumers could not process (held
 * by notifications), newest first, with their error, and a replay that publishes one again to its original topic.
 * Notifications decides who may; others see the 403 page.
 */
@Controller
class DeadLettersController {

	/** The topics whose dead letters notifications keeps. */
	static final List<String> TOPICS = List.of("mutualis.identity.v1", "mutualis.listings.v1", "mutualis.bookings.v1",
			"mutualis.conversations.v1");

	private static final int LIMIT = 50;

	private final ServiceCalls services;

	DeadLettersController(ServiceCalls services) {
		this.services = services;
	}

	@GetMapping("/admin/lettres-mortes")
	String overview(@RequestParam(name = "sujet", required = false) @Nullable String topic, Model model) {
		List<String> shown = (topic != null && TOPICS.contains(topic)) ? List.of(topic) : TOPICS;
		Map<String, List<Map<String, Object>>> letters = new LinkedHashMap<>();
		for (String each : shown) {
			letters.put(each, this.services.list(Service.NOTIFICATIONS,
					"/api/notifications/admin/dead-letters?topic=" + each + "&limit=" + LIMIT));
		}
		model.addAttribute("letters", letters);
		model.addAttribute("topics", TOPICS);
		model.addAttribute("topic", (shown.size() == 1) ? shown.get(0) : "");
		model.addAttribute("limit", LIMIT);
		return "admin-dead-letters";
	}

	@PostMapping("/admin/lettres-mortes/{id}/rejouer")
	String replay(@PathVariable String id, @RequestParam(name = "sujet", required = false) @Nullable String topic,
			RedirectAttributes redirect) {
		try {
			this.services.exchange(Service.NOTIFICATIONS, HttpMethod.POST,
					"/api/notifications/admin/dead-letters/" + safe(id) + "/replay", null, null);
			redirect.addFlashAttribute("done", "mgmt.done.replayed");
			redirect.addFlashAttribute("replayed", id);
		}
		catch (ServiceRefusal refusal) {
			redirect.addFlashAttribute("failed", id);
			redirect.addFlashAttribute("refusal", refusal.detail());
		}
		return (topic != null && TOPICS.contains(topic)) ? "redirect:/admin/lettres-mortes?sujet=" + topic
				: "redirect:/admin/lettres-mortes";
	}

	private static String safe(String id) {
		if (!id.matches("[A-Za-z0-9_.:-]{1,200}")) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return id;
	}

}
