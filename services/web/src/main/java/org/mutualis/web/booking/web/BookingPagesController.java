package org.mutualis.web.booking.web;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.mutualis.web.web.FormChecks;
import org.mutualis.web.web.ServiceCalls;
import org.mutualis.web.web.ServiceCalls.Service;
import org.mutualis.web.web.ServiceRefusal;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A member requests a listing's time (slot, quantity, accepted prerequisites, message); the organisation follows its
 * bookings and cancels them; managers answer incoming requests (confirm, decline, another time).
 */
@Controller
class BookingPagesController {

	private static final Set<String> VIEWS = Set.of("upcoming", "pending", "past");

	/** Booking's largest quantity of one request. */
	static final int LARGEST_QUANTITY = 100000;

	private final ServiceCalls services;

	private final MessageSource messages;

	BookingPagesController(ServiceCalls services, MessageSource messages) {
		this.services = services;
		this.messages = messages;
	}

	@GetMapping("/annonces/{id}/reserver")
	String bookingForm(@PathVariable String id, Model model) {
		Map<String, Object> listing = listing(id);
		Map<String, String> form = new LinkedHashMap<>();
		LocalDateTime tomorrow = LocalDateTime.now(zone(listing)).plusDays(1).withHour(9).withMinute(0).withSecond(0)
			.withNano(0);
		form.put("start", tomorrow.toString());
		form.put("end", tomorrow.plusHours(2).toString());
		form.put("quantity", "1");
		form.put("message", "");
		form.put("key", UUID.randomUUID().toString());
		form.put("acceptPrerequisites", "");
		model.addAttribute("listing", listing);
		model.addAttribute("form", form);
		return "book";
	}

	@PostMapping("/annonces/{id}/reserver")
	String book(@PathVariable String id, @RequestParam MultiValueMap<String, String> submitted, Model model,
			RedirectAttributes redirect) {
		Map<String, Object> listing = listing(id);
		Map<String, String> form = form(submitted, "start", "end", "quantity", "message", "key", "acceptPrerequisites");
		model.addAttribute("listing", listing);
		model.addAttribute("form", form);
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("listingId", id);
		// a quantity that is not a whole number of the range is refused beside its field, never taken as 1
		FormChecks checks = new FormChecks(this.messages);
		Integer quantity = checks.wholeNumber("quantity", form.get("quantity"), 1, 1, LARGEST_QUANTITY);
		if (!checks.passed()) {
			model.addAttribute("problem", checks.refusal());
		}
		try {
			request.put("start", LocalDateTime.parse(form.get("start")).atZone(zone(listing)).toInstant().toString());
			request.put("end", LocalDateTime.parse(form.get("end")).atZone(zone(listing)).toInstant().toString());
		}
		catch (DateTimeParseException ex) {
			model.addAttribute("dateProblem", true);
			return "book";
		}
		if (!checks.passed()) {
			return "book";
		}
		request.put("quantity", quantity);
		request.put("acceptPrerequisites", "on".equals(form.get("acceptPrerequisites")));
		if (!form.get("message").isBlank()) {
			request.put("message", form.get("message"));
		}
		String key = form.get("key").matches("[0-9a-f-]{36}") ? form.get("key") : UUID.randomUUID().toString();
		try {
			Map<String, Object> booking = this.services
				.exchange(Service.BOOKING, HttpMethod.POST, "/api/bookings", request, null,
						Map.of("Idempotency-Key", key))
				.getBody();
			redirect.addFlashAttribute("done", "CONFIRMED".equals(booking.get("status")) ? "booking.done.confirmed"
					: "booking.done.requested");
			return "redirect:/reservations?vue=" + ("CONFIRMED".equals(booking.get("status")) ? "upcoming" : "pending");
		}
		catch (ServiceRefusal refusal) {
			model.addAttribute("problem", refusal);
			return "book";
		}
	}

	@GetMapping("/reservations")
	String mine(@RequestParam(defaultValue = "upcoming") String vue, Model model) {
		String view = VIEWS.contains(vue) ? vue : "upcoming";
		model.addAttribute("view", view);
		model.addAttribute("page", this.services.get(Service.BOOKING, "/api/bookings?size=50&view=" + view));
		model.addAttribute("waiting", waiting());
		return "bookings";
	}

	@PostMapping("/reservations/{id}/annuler")
	String cancel(@PathVariable String id, @RequestParam long version, @RequestParam String reason,
			RedirectAttributes redirect) {
		return decide(id, "cancel", version, Map.of("reason", reason), "booking.done.cancelled", "/reservations",
				redirect);
	}

	@PostMapping("/reservations/{id}/accepter-proposition")
	String acceptProposal(@PathVariable String id, @RequestParam long version, RedirectAttributes redirect) {
		return decide(id, "counter-proposal/accept", version, null, "booking.done.accepted", "/reservations",
				redirect);
	}

	@PostMapping("/reservations/{id}/refuser-proposition")
	String declineProposal(@PathVariable String id, @RequestParam long version, @RequestParam String reason,
			RedirectAttributes redirect) {
		return decide(id, "counter-proposal/decline", version, Map.of("reason", reason.strip()),
				"booking.done.proposal.declined", "/reservations?vue=pending", redirect);
	}

	@GetMapping("/demandes")
	String incoming(Model model) {
		model.addAttribute("page", this.services.get(Service.BOOKING, "/api/bookings/incoming?size=50"));
		return "incoming";
	}

	@PostMapping("/demandes/{id}/confirmer")
	String confirm(@PathVariable String id, @RequestParam long version, RedirectAttributes redirect) {
		return decide(id, "confirm", version, null, "booking.done.confirmed.owner", "/demandes", redirect);
	}

	@PostMapping("/demandes/{id}/refuser")
	String decline(@PathVariable String id, @RequestParam long version, @RequestParam String reason,
			RedirectAttributes redirect) {
		return decide(id, "decline", version, Map.of("reason", reason), "booking.done.declined", "/demandes",
				redirect);
	}

	@PostMapping("/demandes/{id}/proposer")
	String propose(@PathVariable String id, @RequestParam long version, @RequestParam String start,
			@RequestParam String end, @RequestParam(required = false) @Nullable String message,
			@RequestParam String timeZone, RedirectAttributes redirect) {
		Map<String, Object> body = new LinkedHashMap<>();
		try {
			ZoneId zone = ZoneId.of(timeZone);
			body.put("start", LocalDateTime.parse(start).atZone(zone).toInstant().toString());
			body.put("end", LocalDateTime.parse(end).atZone(zone).toInstant().toString());
		}
		catch (RuntimeException ex) {
			redirect.addFlashAttribute("failed", id);
			redirect.addFlashAttribute("failedAction", "counter-proposal");
			redirect.addFlashAttribute("failure", "booking.dates.invalid");
			return "redirect:/demandes";
		}
		if (message != null && !message.isBlank()) {
			body.put("message", message);
		}
		return decide(id, "counter-proposal", version, body, "booking.done.proposed", "/demandes", redirect);
	}

	private String decide(String id, String action, long version, @Nullable Map<String, Object> body,
			String done, String back, RedirectAttributes redirect) {
		String booking = safe(id);
		try {
			this.services.exchange(Service.BOOKING, HttpMethod.POST, "/api/bookings/" + booking + "/" + action,
					(body != null) ? body : Map.of(), version);
			redirect.addFlashAttribute("done", done);
		}
		catch (ServiceRefusal refusal) {
			redirect.addFlashAttribute("failed", booking);
			// which form was refused, and the fields the service named: the page shows the refusal beside them
			redirect.addFlashAttribute("failedAction", action);
			redirect.addFlashAttribute("refusal", refusal.detail());
			redirect.addFlashAttribute("refusalFields", refusal.fields());
			redirect.addFlashAttribute("stale", refusal.isStaleVersion());
		}
		return "redirect:" + back;
	}

	/** The organisation's waiting-list entries, with their listing's title and local times. */
	private List<Map<String, Object>> waiting() {
		List<Map<String, Object>> entries = new java.util.ArrayList<>();
		for (Map<String, Object> entry : this.services.list(Service.BOOKING, "/api/bookings/waitlist")) {
			if ("WITHDRAWN".equals(entry.get("status")) || entries.size() >= 20) {
				continue;
			}
			Map<String, Object> shown = new LinkedHashMap<>(entry);
			try {
				Map<String, Object> listing = listing(String.valueOf(entry.get("listingId")));
				ZoneId zone = zone(listing);
				shown.put("listingTitle", listing.get("title"));
				shown.put("localStart", java.time.LocalDateTime.ofInstant(java.time.Instant.parse(String.valueOf(entry.get("start"))), zone));
				shown.put("localEnd", java.time.LocalDateTime.ofInstant(java.time.Instant.parse(String.valueOf(entry.get("end"))), zone));
			}
			catch (ResponseStatusException | DateTimeParseException ex) {
				// a listing gone since: the entry is still shown, without its title
			}
			entries.add(shown);
		}
		return entries;
	}

	private Map<String, Object> listing(String id) {
		return this.services.get(Service.LISTINGS, "/api/listings/" + safe(id));
	}

	private static ZoneId zone(Map<String, Object> listing) {
		try {
			return ZoneId.of(String.valueOf(listing.getOrDefault("timeZone", "America/Toronto")));
		}
		catch (RuntimeException ex) {
			return ZoneId.of("America/Toronto");
		}
	}

	private static Map<String, String> form(MultiValueMap<String, String> submitted, String... names) {
		Map<String, String> form = new LinkedHashMap<>();
		for (String name : names) {
			String value = submitted.getFirst(name);
			form.put(name, (value != null) ? value : "");
		}
		return form;
	}

	private static String safe(String id) {
		if (!id.matches("[A-Za-z0-9_-]{1,100}")) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return id;
	}

	static List<String> views() {
		return List.of("upcoming", "pending", "past");
	}

}
