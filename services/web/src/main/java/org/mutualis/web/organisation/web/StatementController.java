package org.mutualis.web.organisation.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.mutualis.web.web.Formats;
import org.mutualis.web.web.ServiceCalls;
import org.mutualis.web.web.ServiceCalls.Service;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The monthly ledger statement of the organisation the person acts for (booking's statement: what others owe it,
 * what it owes, the balance with each counterparty and the month's entries), as a page and as a CSV download whose
 * texts, dates and amounts are in the person's language ({@code 1 234,50 $} in French).
 */
@Controller
class StatementController {

	private static final ZoneId HUB = ZoneId.of("America/Toronto");

	private static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final ServiceCalls services;

	private final Formats formats;

	private final MessageSource messages;

	private final Clock clock;

	StatementController(ServiceCalls services, Formats formats, MessageSource messages, ObjectProvider<Clock> clock) {
		this.services = services;
		this.formats = formats;
		this.messages = messages;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@GetMapping("/organisation/releve")
	String statement(@RequestParam(name = "mois", required = false) @Nullable String month, Model model,
			HttpServletResponse response) {
		YearMonth chosen = month(month);
		if (chosen == null) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("monthError", text("mgmt.error.month"));
			model.addAttribute("month", (month != null) ? month : "");
			return "manage-statement";
		}
		model.addAttribute("month", chosen.toString());
		model.addAttribute("monthStart", chosen.atDay(1));
		model.addAttribute("previous", chosen.minusMonths(1).toString());
		model.addAttribute("next", chosen.plusMonths(1).toString());
		model.addAttribute("statement", read(chosen));
		return "manage-statement";
	}

	@GetMapping("/organisation/releve.csv")
	ResponseEntity<String> csv(@RequestParam(name = "mois", required = false) @Nullable String month) {
		YearMonth chosen = month(month);
		if (chosen == null) {
			return ResponseEntity.badRequest()
				.contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
				.body(text("mgmt.error.month"));
		}
		Map<String, Object> statement = read(chosen);
		StatementCsv csv = new StatementCsv();
		csv.row(List.of(text("mgmt.statement.csv.booking"), text("mgmt.statement.csv.start"),
				text("mgmt.statement.csv.resource"), text("mgmt.statement.csv.counterparty"),
				text("mgmt.statement.csv.direction"), text("mgmt.statement.csv.amount"),
				text("mgmt.statement.csv.signed")));
		if (statement.get("entries") instanceof List<?> entries) {
			for (Object item : entries) {
				if (item instanceof Map<?, ?> entry) {
					boolean payable = "PAYABLE".equals(entry.get("direction"));
					String amount = String.valueOf(entry.get("amount"));
					csv.row(List.of(String.valueOf(entry.get("bookingId")), this.formats.dateTime(entry.get("localStart")),
							StatementCsv.text(this.formats.text(entry.get("listingTitle"))),
							StatementCsv.text(String.valueOf(entry.get("counterpartyName"))),
							text("mgmt.statement.direction." + entry.get("direction")), this.formats.money(amount),
							this.formats.money(payable ? "-" + amount : amount)));
				}
			}
		}
		csv.row(List.of("", "", "", "", text("mgmt.statement.net"), "",
				this.formats.money(statement.getOrDefault("net", "0"))));
		String filename = text("mgmt.statement.csv.filename").replace("{month}", chosen.toString());
		return ResponseEntity.ok()
			.contentType(TEXT_CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
			.body(csv.toString());
	}

	private Map<String, Object> read(YearMonth month) {
		return this.services.get(Service.BOOKING, "/api/bookings/ledger/statements/" + month);
	}

	private @Nullable YearMonth month(@Nullable String month) {
		if (month == null || month.isBlank()) {
			return YearMonth.now(this.clock.withZone(HUB));
		}
		try {
			YearMonth parsed = YearMonth.parse(month.trim());
			return (parsed.getYear() >= 2000 && parsed.getYear() <= 2999) ? parsed : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private String text(String key) {
		return this.messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

}
