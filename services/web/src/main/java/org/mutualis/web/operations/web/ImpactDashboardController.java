package org.mutualis.web.operations.web;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.mutualis.web.web.ServiceCalls;
import org.mutualis.web.web.ServiceCalls.Service;
import org.mutualis.web.web.ServiceRefusal;
import tools.jackson.databind.json.JsonMapper;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The regional hub's impact dashboard: booking's impact figures over a period of months (staff hours,
 * equipment-days, space hours, savings and active organisations), as tables and as charts by month, MRC, kind and
 * sector, and booking's CSV of the same figures. Booking decides who may (administrators); others see the 403 page.
 */
@Controller
class ImpactDashboardController {

	private static final ZoneId HUB = ZoneId.of("America/Toronto");

	private static final int DEFAULT_MONTHS = 12;

	private final ServiceCalls services;

	private final MessageSource messages;

	private final JsonMapper json;

	private final Clock clock;

	ImpactDashboardController(ServiceCalls services, MessageSource messages, JsonMapper json,
			ObjectProvider<Clock> clock) {
		this.services = services;
		this.messages = messages;
		this.json = json;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@GetMapping("/admin/impact")
	String dashboard(@RequestParam(name = "de", required = false) @Nullable String from,
			@RequestParam(name = "a", required = false) @Nullable String to,
			@RequestParam(name = "mesure", required = false) @Nullable String measure, Model model,
			HttpServletResponse response) {
		Period period = period(from, to);
		String chosen = (measure != null && ImpactCharts.MEASURES.contains(measure)) ? measure : "staffHours";
		model.addAttribute("from", (period.from() != null) ? period.from().toString() : String.valueOf(from));
		model.addAttribute("to", (period.to() != null) ? period.to().toString() : String.valueOf(to));
		model.addAttribute("measure", chosen);
		model.addAttribute("measures", ImpactCharts.MEASURES);
		model.addAttribute("errors", period.errors());
		if (!period.errors().isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "admin-impact";
		}
		Map<String, Object> report;
		try {
			report = this.services.get(Service.BOOKING,
					"/api/bookings/impact?from=" + period.from() + "&to=" + period.to());
		}
		catch (ServiceRefusal refusal) {
			if (refusal.getStatusCode().value() != 400) {
				throw refusal;
			}
			// a period booking will not answer (more than 120 months): said beside the period's end
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("errors", Map.of("a", refusal.detail()));
			return "admin-impact";
		}
		model.addAttribute("report", report);
		String measureLabel = text("mgmt.impact.measure." + chosen);
		Map<String, String> charts = new LinkedHashMap<>();
		Map<String, java.util.List<String>> labels = new LinkedHashMap<>();
		for (String breakdown : ImpactCharts.BREAKDOWNS) {
			charts.put(breakdown, this.json.writeValueAsString(
					ImpactCharts.chart(report, breakdown, chosen, measureLabel, (key) -> label(breakdown, key))));
			labels.put(breakdown,
					ImpactCharts.groups(report, breakdown).stream().map((g) -> label(breakdown, g.get("key"))).toList());
		}
		model.addAttribute("charts", charts);
		model.addAttribute("labels", labels);
		return "admin-impact";
	}

	@GetMapping("/admin/impact.csv")
	ResponseEntity<byte[]> csv(@RequestParam(name = "de", required = false) @Nullable String from,
			@RequestParam(name = "a", required = false) @Nullable String to) {
		Period period = period(from, to);
		if (!period.errors().isEmpty()) {
			return ResponseEntity.badRequest()
				.contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
				.body(String.join(" ", period.errors().values()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		ResponseEntity<byte[]> answer = this.services.bytes(Service.BOOKING,
				"/api/bookings/impact/csv?from=" + period.from() + "&to=" + period.to());
		HttpHeaders headers = new HttpHeaders();
		MediaType type = answer.getHeaders().getContentType();
		headers.setContentType((type != null) ? type : new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8));
		String disposition = answer.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
		if (disposition != null) {
			headers.set(HttpHeaders.CONTENT_DISPOSITION, disposition);
		}
		return ResponseEntity.ok().headers(headers).body(answer.getBody());
	}

	/**
	 * The person's words for a group's key.
	 * @param breakdown the breakdown
	 * @param key the key booking gives ({@code 2026-11}, an MRC, {@code SPACE}, a sector, or none)
	 * @return the label
	 */
	String label(String breakdown, @Nullable Object key) {
		if (key == null) {
			return text("mgmt.impact.unknown");
		}
		String value = String.valueOf(key);
		if ("byMonth".equals(breakdown)) {
			try {
				Locale locale = LocaleContextHolder.getLocale();
				return DateTimeFormatter.ofPattern("MMM yyyy", "en".equals(locale.getLanguage()) ? Locale.CANADA
						: Locale.CANADA_FRENCH).format(YearMonth.parse(value));
			}
			catch (DateTimeParseException ex) {
				return value;
			}
		}
		if ("byKind".equals(breakdown)) {
			return text("kind." + value);
		}
		return value;
	}

	private Period period(@Nullable String from, @Nullable String to) {
		YearMonth now = YearMonth.now(this.clock.withZone(HUB));
		Map<String, String> errors = new LinkedHashMap<>();
		YearMonth end = month(to, now, "a", errors);
		YearMonth start = month(from, (end != null) ? end.minusMonths(DEFAULT_MONTHS - 1) : now, "de", errors);
		if (start != null && end != null && start.isAfter(end)) {
			errors.put("a", text("mgmt.error.period"));
		}
		return new Period(start, end, errors);
	}

	private @Nullable YearMonth month(@Nullable String value, YearMonth otherwise, String field,
			Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			return otherwise;
		}
		try {
			return YearMonth.parse(value.trim());
		}
		catch (DateTimeParseException ex) {
			errors.put(field, text("mgmt.error.month"));
			return null;
		}
	}

	private String text(String key) {
		return this.messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

	/**
	 * The months asked for, or what is wrong with them.
	 * @param from first month
	 * @param to last month
	 * @param errors message per field ({@code de}, {@code a})
	 */
	private record Period(@Nullable YearMonth from, @Nullable YearMonth to, Map<String, String> errors) {
	}

}
