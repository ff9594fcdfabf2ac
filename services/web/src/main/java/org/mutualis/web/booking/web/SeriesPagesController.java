package org.mutualis.web.booking.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.mutualis.web.web.FormChecks;
import org.mutualis.web.web.ServiceCalls;
import org.mutualis.web.web.ServiceCalls.Service;
import org.mutualis.web.web.ServiceRefusal;
import org.mutualis.web.web.ServiceUnavailable;

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

/**
 * A member requests a weekly series: the form, then a preview of every occurrence (same local time, every 1 to 4
 * weeks) with the ones booking would skip today and why (booking's availability answer), then the series itself,
 * whose answer lists what was booked and what was skipped.
 */
@Controller
class SeriesPagesController {

	private static final String[] FIELDS = { "start", "end", "quantity", "everyWeeks", "occurrences", "message", "key",
			"acceptPrerequisites" };

	private final ServiceCalls services;

	private final MessageSource messages;

	SeriesPagesController(ServiceCalls services, MessageSource messages) {
		this.services = services;
		this.messages = messages;
	}

	@GetMapping("/annonces/{id}/serie")
	String form(@PathVariable String id, Model model) {
		Map<String, Object> listing = listing(id);
		LocalDateTime next = LocalDateTime.now(zone(listing)).plusDays(7).withHour(10).withMinute(0).withSecond(0)
			.withNano(0);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("start", next.toString());
		form.put("end", next.plusHours(2).toString());
		form.put("quantity", "1");
		form.put("everyWeeks", "1");
		form.put("occurrences", "4");
		form.put("message", "");
		form.put("key", UUID.randomUUID().toString());
		form.put("acceptPrerequisites", "");
		model.addAttribute("listing", listing);
		model.addAttribute("form", form);
		return "series";
	}

	@PostMapping("/annonces/{id}/serie")
	String previewOrBook(@PathVariable String id, @RequestParam MultiValueMap<String, String> submitted,
			@RequestParam(defaultValue = "apercu") String action, Model model) {
		Map<String, Object> listing = listing(id);
		ZoneId zone = zone(listing);
		Map<String, String> form = new LinkedHashMap<>();
		for (String name : FIELDS) {
			String value = submitted.getFirst(name);
			form.put(name, (value != null) ? value.strip() : "");
		}
		model.addAttribute("listing", listing);
		model.addAttribute("form", form);
		// numbers as typed: what is not a whole number of its range is refused beside its field, never replaced
		FormChecks checks = new FormChecks(this.messages);
		Integer quantity = checks.wholeNumber("quantity", form.get("quantity"), 1, 1,
				BookingPagesController.LARGEST_QUANTITY);
		Integer everyWeeks = checks.wholeNumber("everyWeeks", form.get("everyWeeks"), 1, 1, 4);
		Integer occurrences = checks.wholeNumber("occurrences", form.get("occurrences"), 4, 1, 52);
		if (!checks.passed()) {
			model.addAttribute("problem", checks.refusal());
		}
		LocalDateTime start;
		LocalDateTime end;
		try {
			start = LocalDateTime.parse(form.get("start"));
			end = LocalDateTime.parse(form.get("end"));
		}
		catch (DateTimeParseException ex) {
			model.addAttribute("dateProblem", true);
			return "series";
		}
		if (quantity == null || everyWeeks == null || occurrences == null) {
			return "series";
		}
		if (!"confirmer".equals(action)) {
			model.addAttribute("preview", preview(listing, zone, start, end, quantity, everyWeeks, occurrences));
			return "series";
		}
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("listingId", id);
		request.put("start", start.atZone(zone).toInstant().toString());
		request.put("end", end.atZone(zone).toInstant().toString());
		request.put("quantity", quantity);
		request.put("everyWeeks", everyWeeks);
		request.put("occurrences", occurrences);
		request.put("acceptPrerequisites", "on".equals(form.get("acceptPrerequisites")));
		if (!form.get("message").isBlank()) {
			request.put("message", form.get("message"));
		}
		String key = form.get("key").matches("[0-9a-f-]{36}") ? form.get("key") : UUID.randomUUID().toString();
		try {
			Map<String, Object> outcome = this.services
				.exchange(Service.BOOKING, HttpMethod.POST, "/api/bookings/series", request, null,
						Map.of("Idempotency-Key", key))
				.getBody();
			model.addAttribute("outcome", outcome);
			model.addAttribute("skipped", skipped(outcome, zone));
			return "series-done";
		}
		catch (ServiceRefusal refusal) {
			model.addAttribute("problem", refusal);
			model.addAttribute("preview", preview(listing, zone, start, end, quantity, everyWeeks, occurrences));
			return "series";
		}
	}

	/**
	 * Every occurrence and whether booking would take it now (the answer of the series itself decides): a date that
	 * starts sooner than the listing's minimum notice or later than its maximum advance is said to be skipped for
	 * that without asking booking, as booking would skip it.
	 */
	private List<Occurrence> preview(Map<String, Object> listing, ZoneId zone, LocalDateTime start, LocalDateTime end,
			int quantity, int everyWeeks, int occurrences) {
		String id = String.valueOf(listing.get("id"));
		Instant now = Instant.now();
		Number noticeHours = policy(listing, "minNoticeHours");
		Number advanceDays = policy(listing, "maxAdvanceDays");
		Instant earliest = (noticeHours != null) ? now.plus(Duration.ofHours(noticeHours.longValue())) : null;
		Instant latest = (advanceDays != null) ? now.plus(Duration.ofDays(advanceDays.longValue())) : null;
		List<Occurrence> preview = new ArrayList<>();
		for (int n = 0; n < occurrences; n++) {
			LocalDateTime from = start.plusWeeks((long) n * everyWeeks);
			LocalDateTime to = end.plusWeeks((long) n * everyWeeks);
			Instant begins = from.atZone(zone).toInstant();
			// booking's lead-time rules, as it applies them: the notice first, then the maximum advance
			String problem = (earliest != null && begins.isBefore(earliest)) ? "notice-too-short"
					: (latest != null && begins.isAfter(latest)) ? "too-far-ahead"
							: availability(id, zone, from, to, quantity);
			preview.add(new Occurrence(from, to, problem));
		}
		return preview;
	}

	/** @return a number of the listing's booking rules, if the listing says it */
	private static @Nullable Number policy(Map<String, Object> listing, String rule) {
		return (listing.get("bookingPolicy") instanceof Map<?, ?> policy && policy.get(rule) instanceof Number number)
				? number : null;
	}

	private @Nullable String availability(String id, ZoneId zone, LocalDateTime from, LocalDateTime to, int quantity) {
		if (!to.isAfter(from)) {
			return "INVALID";
		}
		Map<String, Object> question = Map.of("listingIds", List.of(id), "quantity", quantity, "start",
				from.atZone(zone).toInstant().toString(), "end", to.atZone(zone).toInstant().toString());
		try {
			Map<String, Object> answer = this.services
				.exchange(Service.BOOKING, HttpMethod.POST, "/api/bookings/availability", question, null)
				.getBody();
			if (answer.get("unavailable") instanceof Map<?, ?> unavailable && unavailable.get(id) != null) {
				return String.valueOf(unavailable.get(id));
			}
			return null;
		}
		catch (ServiceRefusal | ServiceUnavailable ex) {
			return "UNKNOWN";
		}
	}

	private static List<Occurrence> skipped(Map<String, Object> outcome, ZoneId zone) {
		List<Occurrence> skipped = new ArrayList<>();
		if (outcome.get("skipped") instanceof List<?> list) {
			for (Object item : list) {
				if (item instanceof Map<?, ?> occurrence) {
					try {
						skipped.add(new Occurrence(
								LocalDateTime.ofInstant(Instant.parse(String.valueOf(occurrence.get("start"))), zone),
								LocalDateTime.ofInstant(Instant.parse(String.valueOf(occurrence.get("end"))), zone),
								String.valueOf(occurrence.get("problem"))));
					}
					catch (DateTimeParseException ex) {
						// booking writes instants; an unreadable one is left out rather than shown wrong
					}
				}
			}
		}
		return skipped;
	}

	private Map<String, Object> listing(String id) {
		if (!id.matches("[A-Za-z0-9_-]{1,100}")) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return this.services.get(Service.LISTINGS, "/api/listings/" + id);
	}

	static ZoneId zone(Map<String, Object> listing) {
		try {
			return ZoneId.of(String.valueOf(listing.getOrDefault("timeZone", "America/Toronto")));
		}
		catch (RuntimeException ex) {
			return ZoneId.of("America/Toronto");
		}
	}

	/**
	 * One occurrence of a series, in the listing's local time.
	 * @param start its start
	 * @param end its end
	 * @param problem why booking would not take it ({@code FULL}, {@code CLOSED}, … or a problem type), {@code null}
	 * when it would
	 */
	record Occurrence(LocalDateTime start, LocalDateTime end, @Nullable String problem) {
	}

}
