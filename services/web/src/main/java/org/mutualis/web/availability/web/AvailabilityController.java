package org.mutualis.web.availability.web;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.mutualis.web.web.ServiceCalls;
import org.mutualis.web.web.ServiceCalls.Service;
import org.mutualis.web.web.ServiceRefusal;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
 * A manager's availability editor of one listing: weekly opening windows and closures, saved to listings with the
 * version the manager saw ({@code If-Match}; when someone else saved first, the page says so, shows their values and
 * keeps the manager's), and hours blocked in booking's calendar, set and lifted in the listing's own time zone.
 */
@Controller
class AvailabilityController {

	/** What listings' edit body holds besides availability, copied from the listing as it is. */
	private static final List<String> REQUEST_FIELDS = List.of("kind", "title", "description", "categoryCode", "tags",
			"location", "timeZone", "bookableAtOnce", "unit", "costRecovery", "marketValuePerUnit", "traits",
			"bookingPolicy", "prerequisites", "contact");

	private static final String DEFAULT_ZONE = "America/Toronto";

	private final ServiceCalls services;

	private final MessageSource messages;

	AvailabilityController(ServiceCalls services, MessageSource messages) {
		this.services = services;
		this.messages = messages;
	}

	@GetMapping("/mes-annonces/{id}/disponibilites")
	String editor(@PathVariable String id, Model model) {
		Map<String, Object> listing = read(id);
		AvailabilityForm form = AvailabilityForm.of(listing);
		return page(model, listing, form, StartedFrom.of(form), Map.of(), Map.of());
	}

	@PostMapping("/mes-annonces/{id}/disponibilites")
	String save(@PathVariable String id, @RequestParam(required = false) @Nullable Long version,
			@RequestParam MultiValueMap<String, String> submitted, Model model, RedirectAttributes redirect) {
		Map<String, Object> listing = read(id);
		AvailabilityForm form = AvailabilityForm.of(submitted);
		Map<String, String> malformed = form.malformed();
		if (version == null || !malformed.isEmpty()) {
			Map<String, String> errors = new LinkedHashMap<>();
			malformed.forEach((field, key) -> errors.put(field, text(key)));
			model.addAttribute("invalid", true);
			return page(model, withVersion(listing, (version != null) ? version : -1), form,
					started(submitted, listing), errors, Map.of());
		}
		try {
			this.services.exchange(Service.LISTINGS, HttpMethod.PUT, "/api/listings/" + safe(id), body(listing, form),
					version);
			redirect.addFlashAttribute("done", "mgmt.done.availability");
			return "redirect:/mes-annonces/" + safe(id) + "/disponibilites";
		}
		catch (ServiceRefusal refusal) {
			model.addAttribute("problem", refusal);
			if (refusal.isStaleVersion()) {
				AvailabilityForm now = AvailabilityForm.of(listing);
				StartedFrom started = started(submitted, listing);
				model.addAttribute("nowWindows", now.windows());
				model.addAttribute("nowClosures", now.closures());
				model.addAttribute("changedWeekly", !started.weekly().equals(now.weeklyText()));
				model.addAttribute("changedClosures", !started.closures().equals(now.closuresText()));
				// the manager has now seen the other change: the next save is made against the current version
				return page(model, listing, form, StartedFrom.of(now), AvailabilityForm.rowFields(refusal.fields()), Map.of());
			}
			return page(model, withVersion(listing, version), form, started(submitted, listing),
					AvailabilityForm.rowFields(refusal.fields()), Map.of());
		}
	}

	@PostMapping("/mes-annonces/{id}/blocages")
	String block(@PathVariable String id, @RequestParam(required = false) @Nullable String start,
			@RequestParam(required = false) @Nullable String end,
			@RequestParam(required = false) @Nullable String reason, Model model, RedirectAttributes redirect) {
		Map<String, Object> listing = read(id);
		ZoneId zone = zone(listing);
		Map<String, String> block = new LinkedHashMap<>();
		block.put("start", (start != null) ? start.trim() : "");
		block.put("end", (end != null) ? end.trim() : "");
		block.put("reason", (reason != null) ? reason.trim() : "");
		Map<String, String> errors = new LinkedHashMap<>();
		String from = instant(block.get("start"), zone, "start", errors);
		String to = instant(block.get("end"), zone, "end", errors);
		if (block.get("reason").isBlank()) {
			errors.put("reason", text("mgmt.error.required"));
		}
		if (errors.isEmpty()) {
			try {
				this.services.exchange(Service.BOOKING, HttpMethod.POST,
						"/api/bookings/listings/" + safe(id) + "/blocks",
						Map.of("start", from, "end", to, "reason", block.get("reason")), null);
				redirect.addFlashAttribute("done", "mgmt.done.blocked");
				return "redirect:/mes-annonces/" + safe(id) + "/disponibilites#blocages";
			}
			catch (ServiceRefusal refusal) {
				model.addAttribute("blockProblem", refusal);
				errors.putAll(refusal.fields());
				if (refusal.fields().isEmpty()) {
					// a refusal about the period as a whole (e.g. bookings hold that time) belongs beside its start
					errors.put("start", refusal.detail());
				}
			}
		}
		model.addAttribute("block", block);
		AvailabilityForm form = AvailabilityForm.of(listing);
		return page(model, listing, form, StartedFrom.of(form), Map.of(), errors);
	}

	@PostMapping("/mes-annonces/{id}/blocages/{blockId}/lever")
	String lift(@PathVariable String id, @PathVariable String blockId, RedirectAttributes redirect) {
		try {
			this.services.exchange(Service.BOOKING, HttpMethod.DELETE,
					"/api/bookings/listings/" + safe(id) + "/blocks/" + safe(blockId), null, null);
			redirect.addFlashAttribute("done", "mgmt.done.lifted");
		}
		catch (ServiceRefusal refusal) {
			redirect.addFlashAttribute("liftFailed", blockId);
			redirect.addFlashAttribute("refusal", refusal.detail());
		}
		return "redirect:/mes-annonces/" + safe(id) + "/disponibilites#blocages";
	}

	private String page(Model model, Map<String, Object> listing, AvailabilityForm form, StartedFrom started,
			Map<String, String> errors, Map<String, String> blockErrors) {
		model.addAttribute("listing", listing);
		model.addAttribute("zone", zone(listing).getId());
		model.addAttribute("windows", form.windowRows());
		model.addAttribute("closures", form.closureRows());
		model.addAttribute("days", AvailabilityForm.DAYS);
		model.addAttribute("startedWeekly", started.weekly());
		model.addAttribute("startedClosures", started.closures());
		model.addAttribute("errors", errors);
		model.addAttribute("blockErrors", blockErrors);
		if (!model.containsAttribute("block")) {
			model.addAttribute("block", Map.of("start", "", "end", "", "reason", ""));
		}
		try {
			model.addAttribute("blocks", this.services.list(Service.BOOKING,
					"/api/bookings/listings/" + safe(String.valueOf(listing.get("id"))) + "/blocks"));
		}
		catch (ServiceRefusal refusal) {
			// booking knows a listing once it is published: a draft has no calendar yet
			model.addAttribute("blocks", List.of());
			model.addAttribute("noCalendar", true);
		}
		return "manage-availability";
	}

	private Map<String, Object> body(Map<String, Object> listing, AvailabilityForm form) {
		Map<String, Object> body = new LinkedHashMap<>();
		for (String field : REQUEST_FIELDS) {
			if (listing.get(field) != null) {
				body.put(field, listing.get(field));
			}
		}
		if (body.get("bookingPolicy") instanceof Map<?, ?> policy) {
			Map<String, Object> kept = new LinkedHashMap<>();
			policy.forEach((key, value) -> kept.put(String.valueOf(key), value));
			kept.putIfAbsent("bufferBeforeMinutes", 0);
			kept.putIfAbsent("bufferAfterMinutes", 0);
			body.put("bookingPolicy", kept);
		}
		if (body.get("contact") instanceof Map<?, ?> contact && contact.get("name") == null) {
			body.remove("contact");
		}
		body.put("availability", form.availability());
		return body;
	}

	private @Nullable String instant(String local, ZoneId zone, String field, Map<String, String> errors) {
		if (local.isBlank()) {
			errors.put(field, text("mgmt.error.required"));
			return null;
		}
		try {
			return LocalDateTime.parse(local).atZone(zone).toInstant().toString();
		}
		catch (DateTimeParseException ex) {
			errors.put(field, text("mgmt.error.datetime"));
			return null;
		}
	}

	private static StartedFrom started(MultiValueMap<String, String> submitted, Map<String, Object> listing) {
		AvailabilityForm now = AvailabilityForm.of(listing);
		String weekly = submitted.getFirst("startedWeekly");
		String closures = submitted.getFirst("startedClosures");
		return new StartedFrom((weekly != null) ? weekly : now.weeklyText(),
				(closures != null) ? closures : now.closuresText());
	}

	private Map<String, Object> read(String id) {
		return this.services.get(Service.LISTINGS, "/api/listings/" + safe(id));
	}

	private static ZoneId zone(Map<String, Object> listing) {
		try {
			return ZoneId.of(String.valueOf(listing.getOrDefault("timeZone", DEFAULT_ZONE)));
		}
		catch (RuntimeException ex) {
			return ZoneId.of(DEFAULT_ZONE);
		}
	}

	private static Map<String, Object> withVersion(Map<String, Object> listing, long version) {
		Map<String, Object> copy = new LinkedHashMap<>(listing);
		copy.put("version", version);
		return copy;
	}

	private String text(String key) {
		return this.messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

	private static String safe(String id) {
		if (!id.matches("[A-Za-z0-9_-]{1,100}")) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return id;
	}

	/**
	 * The availability the manager's form started from, as one line each.
	 * @param weekly weekly windows
	 * @param closures closures
	 */
	private record StartedFrom(String weekly, String closures) {

		static StartedFrom of(AvailabilityForm form) {
			return new StartedFrom(form.weeklyText(), form.closuresText());
		}

	}

}
