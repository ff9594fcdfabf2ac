package org.mutualis.booking.ledger.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.mutualis.booking.csv.Csv;
import org.mutualis.booking.ledger.Statement;
import org.mutualis.booking.ledger.application.Statements;
import org.mutualis.platform.security.Actor;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The acting organisation's monthly ledger statement, as JSON or as a CSV download. */
@RestController
@RequestMapping("/api/bookings/ledger/statements")
class LedgerController {

	static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final Statements statements;

	private final MessageSource messages;

	LedgerController(Statements statements, MessageSource messages) {
		this.statements = statements;
		this.messages = messages;
	}

	@GetMapping("/{month}")
	StatementView statement(Actor actor, @PathVariable String month) {
		return StatementView.of(this.statements.of(actor, month));
	}

	@GetMapping("/{month}/csv")
	ResponseEntity<String> csv(Actor actor, @PathVariable String month) {
		Statement statement = this.statements.of(actor, month);
		Locale locale = LocaleContextHolder.getLocale();
		String language = "en".equals(locale.getLanguage()) ? "en" : "fr";
		Csv csv = new Csv().values(List.of(text("ledger.csv.booking", locale), text("ledger.csv.start", locale),
				text("ledger.csv.time-zone", locale), text("ledger.csv.listing", locale),
				text("ledger.csv.counterparty-id", locale), text("ledger.csv.counterparty", locale),
				text("ledger.csv.direction", locale), text("ledger.csv.amount", locale),
				text("ledger.csv.signed-amount", locale)));
		for (Statement.Line line : statement.lines()) {
			String title = "en".equals(language) ? firstOf(line.titleEn(), line.titleFr()) : firstOf(line.titleFr(), line.titleEn());
			csv.record(List.of(Csv.Value.of(line.bookingId()), Csv.Value.of(line.localStart()), Csv.Value.of(line.timeZone()),
					title, Csv.Value.of(line.counterpartyId()), line.counterpartyName(),
					Csv.Value.of(text("ledger.direction." + line.direction().name(), locale)),
					Csv.Value.of(line.amount().toPlainString()), Csv.Value.of(line.signedAmount().toPlainString())));
		}
		String filename = text("ledger.csv.filename", locale, statement.month().toString());
		return ResponseEntity.ok()
			.contentType(TEXT_CSV)
			.header(HttpHeaders.CONTENT_LANGUAGE, language)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
			.body(csv.toString());
	}

	private static String firstOf(@org.jspecify.annotations.Nullable String preferred,
			@org.jspecify.annotations.Nullable String other) {
		if (preferred != null && !preferred.isBlank()) {
			return preferred;
		}
		return (other != null) ? other : "";
	}

	private String text(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, key, locale);
	}

}
