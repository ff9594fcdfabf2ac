package org.mutualis.web.booking.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Cancels a weekly series from one of its bookings' cards: the whole series (every occurrence not started) or this
 * occurrence and the following ones, with a reason; booking decides, and says which occurrences it kept.
 */
@Controller
class SeriesCancellationController {

	private final ServiceCalls services;

	SeriesCancellationController(ServiceCalls services) {
		this.services = services;
	}

	@PostMapping("/reservations/serie/{seriesId}/annuler")
	String cancel(@PathVariable String seriesId, @RequestParam String booking,
			@RequestParam(required = false) @Nullable String reason,
			@RequestParam(defaultValue = "toute") String portee, @RequestParam(required = false) @Nullable String from,
			RedirectAttributes redirect) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("reason", (reason != null) ? reason.strip() : "");
		if ("suivantes".equals(portee)) {
			body.put("from", instant(from));
		}
		try {
			Map<String, Object> answer = this.services
				.exchange(Service.BOOKING, HttpMethod.POST, "/api/bookings/series/" + safe(seriesId) + "/cancel", body,
						null)
				.getBody();
			redirect.addFlashAttribute("seriesCancelled", count(answer, "booked"));
			redirect.addFlashAttribute("seriesKept", count(answer, "skipped"));
		}
		catch (ServiceRefusal refusal) {
			// shown on the card the form was sent from, the reason's refusal beside the series' reason field
			redirect.addFlashAttribute("failed", safe(booking));
			redirect.addFlashAttribute("failedAction", "series-cancel");
			redirect.addFlashAttribute("refusal", refusal.detail());
			redirect.addFlashAttribute("refusalFields", refusal.fields());
		}
		return "redirect:/reservations";
	}

	private static int count(@Nullable Map<String, Object> answer, String key) {
		return (answer != null && answer.get(key) instanceof List<?> list) ? list.size() : 0;
	}

	private static String instant(@Nullable String from) {
		try {
			return Instant.parse((from != null) ? from : "").toString();
		}
		catch (DateTimeParseException ex) {
			// the card sends the occurrence's own start: anything else was not sent by the page
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
	}

	private static String safe(String id) {
		if (!id.matches("[A-Za-z0-9_-]{1,100}")) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return id;
	}

}
