package org.mutualis.web.listing.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.mutualis.web.web.ServiceCalls;
import org.mutualis.web.web.ServiceCalls.Service;
import org.mutualis.web.web.ServiceRefusal;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A listing's page, with its availability calendar (a week or a month, from booking), and its photos served through
 * web so that the photos of listings not yet published reach their managers with the person's token.
 */
@Controller
class ListingPageController {

	private final ServiceCalls services;

	ListingPageController(ServiceCalls services) {
		this.services = services;
	}

	@GetMapping("/annonces/{id}")
	String listing(@PathVariable String id, @RequestParam(required = false) @Nullable String semaine,
			@RequestParam(required = false) @Nullable String mois, Model model) {
		Map<String, Object> listing = this.services.get(Service.LISTINGS, "/api/listings/" + safe(id));
		model.addAttribute("listing", listing);
		LocalDate today = LocalDate.now();
		boolean monthView = mois != null;
		LocalDate from;
		LocalDate to;
		if (monthView) {
			YearMonth month = parseMonth(mois, today);
			from = month.atDay(1);
			to = month.atEndOfMonth().plusDays(1);
			model.addAttribute("month", month);
			model.addAttribute("previousMonth", month.minusMonths(1));
			model.addAttribute("nextMonth", month.plusMonths(1));
		}
		else {
			from = parseDate(semaine, today).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			to = from.plusDays(7);
			model.addAttribute("week", from);
			model.addAttribute("previousWeek", from.minusDays(7));
			model.addAttribute("nextWeek", from.plusDays(7));
		}
		model.addAttribute("monthView", monthView);
		try {
			Map<String, Object> calendar = this.services.get(Service.BOOKING,
					"/api/bookings/listings/" + safe(id) + "/availability?from=" + from + "&to=" + to);
			model.addAttribute("calendar", calendar);
			model.addAttribute("days", CalendarDays.of(intervals(calendar), from, to));
		}
		catch (ServiceRefusal refusal) {
			// booking shows calendars to signed-in people, and has not heard of a listing not yet published
			model.addAttribute("days", List.of());
			model.addAttribute("calendarNeedsSignIn", refusal.getStatusCode().value() == 401);
		}
		return "listing";
	}

	/**
	 * The address notifications give a listing (their {@code WebPaths.LISTING}): the listing's page. Signing in comes
	 * first, as for other pages: the people told about a listing are its managers, and a listing not (or no longer)
	 * published shows only to them.
	 */
	@GetMapping("/listings/{id}")
	String notified(@PathVariable String id) {
		return "redirect:/annonces/" + safe(id);
	}

	@GetMapping("/annonces/{id}/photos/{photoId}")
	ResponseEntity<byte[]> photo(@PathVariable String id, @PathVariable String photoId,
			@RequestParam(required = false) @Nullable String size) {
		String path = "/api/listings/" + safe(id) + "/photos/" + safe(photoId)
				+ ("thumbnail".equals(size) ? "?size=thumbnail" : "");
		ResponseEntity<byte[]> photo = this.services.bytes(Service.LISTINGS, path);
		MediaType type = photo.getHeaders().getContentType();
		return ResponseEntity.status(HttpStatus.OK)
			.contentType((type != null) ? type : MediaType.APPLICATION_OCTET_STREAM)
			.cacheControl(CacheControl.noCache().cachePrivate())
			.header("X-Content-Type-Options", "nosniff")
			.body(photo.getBody());
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> intervals(Map<String, Object> calendar) {
		return (calendar.get("intervals") instanceof List<?> list) ? (List<Map<String, Object>>) list : List.of();
	}

	private static LocalDate parseDate(@Nullable String value, LocalDate fallback) {
		try {
			return (value != null) ? LocalDate.parse(value) : fallback;
		}
		catch (DateTimeParseException ex) {
			return fallback;
		}
	}

	private static YearMonth parseMonth(@Nullable String value, LocalDate today) {
		try {
			return (value != null && !value.isBlank()) ? YearMonth.parse(value) : YearMonth.from(today);
		}
		catch (DateTimeParseException ex) {
			return YearMonth.from(today);
		}
	}

	static String safe(String id) {
		if (!id.matches("[A-Za-z0-9_-]{1,100}")) {
			throw new NoSuchPage();
		}
		return id;
	}

	/** An id that cannot be one: the page does not exist. */
	static final class NoSuchPage extends org.springframework.web.server.ResponseStatusException {

		NoSuchPage() {
			super(HttpStatus.NOT_FOUND);
		}

	}

	/**
	 * The days of a calendar with their open intervals, each with its state in words (never by colour alone).
	 * @param date the day
	 * @param slots its intervals that are not closed
	 * @param summary FREE, PARTLY_BOOKED, BUSY or CLOSED for the whole day
	 */
	record CalendarDays(LocalDate date, List<Slot> slots, String summary) {

		static List<CalendarDays> of(List<Map<String, Object>> intervals, LocalDate from, LocalDate to) {
			List<CalendarDays> days = new ArrayList<>();
			for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
				LocalDateTime dayStart = day.atStartOfDay();
				LocalDateTime dayEnd = day.plusDays(1).atStartOfDay();
				List<Slot> slots = new ArrayList<>();
				for (Map<String, Object> interval : intervals) {
					String state = String.valueOf(interval.get("state"));
					LocalDateTime start = LocalDateTime.parse(String.valueOf(interval.get("localStart")));
					LocalDateTime end = LocalDateTime.parse(String.valueOf(interval.get("localEnd")));
					if ("CLOSED".equals(state) || !start.isBefore(dayEnd) || !end.isAfter(dayStart)) {
						continue;
					}
					slots.add(new Slot(start.isBefore(dayStart) ? dayStart : start, end.isAfter(dayEnd) ? dayEnd : end,
							state, ((Number) interval.getOrDefault("remaining", 0)).intValue()));
				}
				days.add(new CalendarDays(day, slots, summary(slots)));
			}
			return days;
		}

		private static String summary(List<Slot> slots) {
			if (slots.isEmpty()) {
				return "CLOSED";
			}
			boolean free = slots.stream().anyMatch((s) -> s.state().equals("FREE"));
			boolean busy = slots.stream().anyMatch((s) -> !s.state().equals("FREE"));
			return (free && !busy) ? "FREE" : (!free && slots.stream().allMatch((s) -> s.state().equals("BUSY")))
					? "BUSY" : "PARTLY_BOOKED";
		}

	}

	/**
	 * An open interval of one day.
	 * @param start local start
	 * @param end local end
	 * @param state FREE, PARTLY_BOOKED or BUSY
	 * @param remaining units still free
	 */
	record Slot(LocalDateTime start, LocalDateTime end, String state, int remaining) {
	}

}
