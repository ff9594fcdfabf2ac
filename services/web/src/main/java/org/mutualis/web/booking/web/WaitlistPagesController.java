package org.mutualis.web.booking.web;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.mutualis.web.web.FormChecks;
import org.mutualis.web.web.ServiceCalls;
import org.mutualis.web.web.ServiceCalls.Service;
import org.mutualis.web.web.ServiceRefusal;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A member joins a listing's waiting list for a time that is full (offered when units free up), leaves it, or takes
 * the time offered; a manager creates the organisation's calendar feed (iCalendar), whose secret address is shown once.
 */
@Controller
class WaitlistPagesController {

	private final ServiceCalls services;

	private final MessageSource messages;

	WaitlistPagesController(ServiceCalls services, MessageSource messages) {
		this.services = services;
		this.messages = messages;
	}

	@PostMapping("/annonces/{id}/liste-attente")
	String join(@PathVariable String id, @RequestParam String start, @RequestParam String end,
			@RequestParam(required = false) @Nullable String quantity,
			@RequestParam(defaultValue = "") String acceptPrerequisites, RedirectAttributes redirect) {
		Map<String, Object> listing = this.services.get(Service.LISTINGS, "/api/listings/" + safe(id));
		ZoneId zone = SeriesPagesController.zone(listing);
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("listingId", id);
		try {
			request.put("start", LocalDateTime.parse(start).atZone(zone).toInstant().toString());
			request.put("end", LocalDateTime.parse(end).atZone(zone).toInstant().toString());
		}
		catch (DateTimeParseException ex) {
			redirect.addFlashAttribute("failure", "booking.dates.invalid");
			return "redirect:/reservations?vue=pending";
		}
		FormChecks checks = new FormChecks(this.messages);
		Integer units = checks.wholeNumber("quantity", quantity, 1, 1, BookingPagesController.LARGEST_QUANTITY);
		if (units == null) {
			// never a quantity of 1 in place of the one asked for: said, nothing sent
			redirect.addFlashAttribute("refusal", checks.refusal().field("quantity"));
			return "redirect:/reservations?vue=pending";
		}
		request.put("quantity", units);
		request.put("acceptPrerequisites", "on".equals(acceptPrerequisites));
		try {
			this.services.exchange(Service.BOOKING, HttpMethod.POST, "/api/bookings/waitlist", request, null);
			redirect.addFlashAttribute("done", "waitlist.done.joined");
		}
		catch (ServiceRefusal refusal) {
			redirect.addFlashAttribute("refusal", refusal.detail());
		}
		return "redirect:/reservations?vue=pending";
	}

	@PostMapping("/reservations/liste-attente/{entryId}/quitter")
	String leave(@PathVariable String entryId, RedirectAttributes redirect) {
		try {
			this.services.exchange(Service.BOOKING, HttpMethod.DELETE, "/api/bookings/waitlist/" + safe(entryId), null,
					null);
			redirect.addFlashAttribute("done", "waitlist.done.left");
		}
		catch (ServiceRefusal refusal) {
			redirect.addFlashAttribute("refusal", refusal.detail());
		}
		return "redirect:/reservations?vue=pending";
	}

	@PostMapping("/reservations/{id}/accepter-offre")
	String acceptOffer(@PathVariable String id, RedirectAttributes redirect) {
		try {
			this.services.exchange(Service.BOOKING, HttpMethod.POST,
					"/api/bookings/" + safe(id) + "/waitlist-offer/accept", null, null);
			redirect.addFlashAttribute("done", "waitlist.done.accepted");
		}
		catch (ServiceRefusal refusal) {
			redirect.addFlashAttribute("refusal", refusal.detail());
		}
		return "redirect:/reservations?vue=pending";
	}

	@PostMapping("/reservations/agenda")
	String createFeed(RedirectAttributes redirect, jakarta.servlet.http.HttpServletRequest request) {
		String language = "en".equals(org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage())
				? "en" : "fr";
		try {
			Map<String, Object> feed = this.services
				.exchange(Service.BOOKING, HttpMethod.POST, "/api/bookings/calendar/feeds",
						Map.of("scope", "ORGANISATION", "language", language), null)
				.getBody();
			String path = String.valueOf(feed.get("path"));
			redirect.addFlashAttribute("feedUrl", org.springframework.web.servlet.support.ServletUriComponentsBuilder
				.fromContextPath(request)
				.replacePath(path)
				.build()
				.toUriString());
			redirect.addFlashAttribute("done", "feed.done");
		}
		catch (ServiceRefusal refusal) {
			redirect.addFlashAttribute("refusal", refusal.detail());
		}
		return "redirect:/reservations";
	}

	private static String safe(String id) {
		if (!id.matches("[A-Za-z0-9_-]{1,100}")) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return id;
	}

}
