package org.mutualis.web.search.web;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.mutualis.web.web.FormChecks;
import org.mutualis.web.web.ServiceCalls;
import org.mutualis.web.web.ServiceCalls.Service;
import org.mutualis.web.web.ServiceRefusal;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Searches published listings through listings' search (text, kind, category, MRC, free only) and, when the
 * visitor gives dates, keeps those that booking says can take the quantity over that range.
 */
@Controller
class SearchController {

	private static final ZoneId REGION = ZoneId.of("America/Toronto");

	private static final Set<String> KINDS = Set.of("STAFF_TIME", "EQUIPMENT", "EXPERTISE", "SPACE");

	private final ServiceCalls services;

	private final MessageSource messages;

	SearchController(ServiceCalls services, MessageSource messages) {
		this.services = services;
		this.messages = messages;
	}

	@GetMapping("/recherche")
	String search(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String category,
			@RequestParam(required = false) @Nullable String mrc,
			@RequestParam(required = false) @Nullable String free,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String quantity, Model model) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("q", (q != null) ? q : "");
		form.put("kind", (kind != null && KINDS.contains(kind)) ? kind : "");
		form.put("category", (category != null) ? category : "");
		form.put("mrc", (mrc != null) ? mrc : "");
		form.put("free", (free != null) ? "on" : "");
		form.put("from", (from != null) ? from : "");
		form.put("to", (to != null) ? to : "");
		// the quantity as typed: one that is not a whole number from 1 is said beside it, and dates are not applied
		FormChecks checks = new FormChecks(this.messages);
		Integer units = checks.wholeNumber("quantity", quantity, 1, 1, 100000);
		form.put("quantity", (units != null) ? String.valueOf(units) : (quantity != null) ? quantity.strip() : "");
		if (!checks.passed()) {
			model.addAttribute("quantityProblem", checks.refusal().field("quantity"));
		}
		model.addAttribute("form", form);
		model.addAttribute("categories", this.services.list(Service.LISTINGS, "/api/listings/categories"));
		model.addAttribute("mrcs", mrcs());

		UriComponentsBuilder query = UriComponentsBuilder.fromPath("/api/listings/search").queryParam("size", 50);
		addIfPresent(query, "q", form.get("q"));
		addIfPresent(query, "kind", form.get("kind"));
		addIfPresent(query, "category", form.get("category"));
		addIfPresent(query, "mrc", form.get("mrc"));
		if (free != null) {
			query.queryParam("cost", "FREE");
		}
		Map<String, Object> page;
		try {
			page = this.services.get(Service.LISTINGS, query.encode().build().toUriString());
		}
		catch (ServiceRefusal refusal) {
			model.addAttribute("problem", refusal);
			model.addAttribute("items", List.of());
			model.addAttribute("kindCounts", Map.of());
			return "search";
		}
		List<Map<String, Object>> items = items(page);
		model.addAttribute("kindCounts", (page.get("facets") instanceof Map<?, ?> facets
				&& facets.get("kind") instanceof Map<?, ?> kinds) ? kinds : Map.of());
		model.addAttribute("total", page.get("total"));

		if (units != null && (!form.get("from").isBlank() || !form.get("to").isBlank())) {
			items = available(items, form, model);
		}
		model.addAttribute("items", items);
		return "search";
	}

	private List<Map<String, Object>> available(List<Map<String, Object>> items, Map<String, String> form,
			Model model) {
		LocalDateTime start;
		LocalDateTime end;
		try {
			start = LocalDateTime.parse(form.get("from"));
			end = LocalDateTime.parse(form.get("to"));
		}
		catch (DateTimeParseException ex) {
			model.addAttribute("datesProblem", "search.dates.invalid");
			return items;
		}
		if (!end.isAfter(start)) {
			model.addAttribute("datesProblem", "search.dates.order");
			return items;
		}
		if (items.isEmpty()) {
			return items;
		}
		Map<String, Object> question = new LinkedHashMap<>();
		question.put("listingIds", items.stream().map((item) -> String.valueOf(item.get("id"))).toList());
		question.put("quantity", Integer.parseInt(form.get("quantity")));
		question.put("start", start.atZone(REGION).toInstant().toString());
		question.put("end", end.atZone(REGION).toInstant().toString());
		try {
			Map<String, Object> answer = this.services
				.exchange(Service.BOOKING, HttpMethod.POST, "/api/bookings/availability", question, null)
				.getBody();
			List<?> available = (answer != null && answer.get("available") instanceof List<?> list) ? list : List.of();
			model.addAttribute("datesApplied", true);
			List<Map<String, Object>> kept = new ArrayList<>();
			for (Map<String, Object> item : items) {
				if (available.contains(item.get("id"))) {
					kept.add(item);
				}
			}
			model.addAttribute("total", kept.size());
			return kept;
		}
		catch (ServiceRefusal refusal) {
			if (refusal.getStatusCode().value() == 401) {
				// booking answers availability to signed-in people only
				model.addAttribute("datesProblem", "search.dates.signin");
			}
			else {
				model.addAttribute("problem", refusal);
			}
			return items;
		}
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

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> items(Map<String, Object> page) {
		return (page.get("items") instanceof List<?> list) ? (List<Map<String, Object>>) list : List.of();
	}

	private static void addIfPresent(UriComponentsBuilder query, String name, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			query.queryParam(name, value);
		}
	}

}
