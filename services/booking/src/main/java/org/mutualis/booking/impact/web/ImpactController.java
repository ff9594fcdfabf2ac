package org.mutualis.booking.impact.web;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.mutualis.booking.csv.Csv;
import org.mutualis.booking.impact.ImpactReport;
import org.mutualis.booking.impact.ImpactReport.Figures;
import org.mutualis.booking.impact.ImpactReport.Group;
import org.mutualis.booking.impact.application.ImpactReporting;
import org.mutualis.platform.security.Actor;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The impact figures for the regional hub's dashboard, as JSON or as a CSV download; administrators only. */
@RestController
@RequestMapping("/api/bookings/impact")
class ImpactController {

	static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final ImpactReporting reporting;

	private final MessageSource messages;

	ImpactController(ImpactReporting reporting, MessageSource messages) {
		this.reporting = reporting;
		this.messages = messages;
	}

	@GetMapping
	ImpactView report(Actor actor, @RequestParam String from, @RequestParam String to) {
		return ImpactView.of(this.reporting.report(actor, from, to));
	}

	@GetMapping("/csv")
	ResponseEntity<String> csv(Actor actor, @RequestParam String from, @RequestParam String to) {
		ImpactReport report = this.reporting.report(actor, from, to);
		Locale locale = LocaleContextHolder.getLocale();
		Csv csv = new Csv().values(List.of(text("impact.csv.dimension", locale), text("impact.csv.key", locale),
				text("impact.csv.bookings", locale), text("impact.csv.staff-hours", locale),
				text("impact.csv.equipment-days", locale), text("impact.csv.space-hours", locale),
				text("impact.csv.borrowing-organisations", locale), text("impact.csv.amount-paid", locale),
				text("impact.csv.estimated-savings", locale), text("impact.csv.without-market-value", locale)));
		row(csv, text("impact.dimension.total", locale), report.period().from() + "/" + report.period().to(), report.totals());
		rows(csv, text("impact.dimension.month", locale), report.byMonth(), locale, false);
		rows(csv, text("impact.dimension.mrc", locale), report.byMrc(), locale, false);
		rows(csv, text("impact.dimension.kind", locale), report.byKind(), locale, true);
		rows(csv, text("impact.dimension.borrower-sector", locale), report.byBorrowerSector(), locale, false);
		String filename = text("impact.csv.filename", locale, report.period().from().toString(), report.period().to().toString());
		return ResponseEntity.ok()
			.contentType(TEXT_CSV)
			.header(HttpHeaders.CONTENT_LANGUAGE, "en".equals(locale.getLanguage()) ? "en" : "fr")
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
			.body(csv.toString());
	}

	private void rows(Csv csv, String dimension, List<Group> groups, Locale locale, boolean kinds) {
		for (Group group : groups) {
			String key = (group.key() == null) ? text("impact.key.unknown", locale)
					: kinds ? text("impact.kind." + group.key(), locale) : group.key();
			row(csv, dimension, key, group.figures());
		}
	}

	private static void row(Csv csv, String dimension, String key, Figures figures) {
		List<Object> fields = new ArrayList<>();
		fields.add(Csv.Value.of(dimension));
		fields.add(key);
		fields.add(Csv.Value.of(figures.bookings()));
		fields.add(Csv.Value.of(hours(figures.staffHours())));
		fields.add(Csv.Value.of(figures.equipmentDays()));
		fields.add(Csv.Value.of(hours(figures.spaceHours())));
		fields.add(Csv.Value.of(figures.borrowingOrganisations()));
		fields.add(Csv.Value.of(figures.amountPaid().toPlainString()));
		fields.add(Csv.Value.of(figures.estimatedSavings().toPlainString()));
		fields.add(Csv.Value.of(figures.bookingsWithoutMarketValue()));
		csv.record(fields);
	}

	/** Hours are summed exactly and shown to the hundredth (the producer writes e.g. 140 minutes as 2.333… hours). */
	static String hours(BigDecimal value) {
		return value.setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

	private String text(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, key, locale);
	}

	/**
	 * The impact figures as the API shows them; hours and amounts are exact decimal strings.
	 *
	 * @param from first month
	 * @param to last month
	 * @param currency always {@code CAD}
	 * @param totals figures of the whole period
	 * @param byMonth by month of the bookings' local start (listing's time zone), every month of the period
	 * @param byMrc by MRC of the listing
	 * @param byKind by kind of resource, every kind
	 * @param byBorrowerSector by sector of the borrowing organisation ({@code key} null when unknown)
	 */
	record ImpactView(String from, String to, String currency, FiguresView totals, List<GroupView> byMonth,
			List<GroupView> byMrc, List<GroupView> byKind, List<GroupView> byBorrowerSector) {

		static ImpactView of(ImpactReport report) {
			return new ImpactView(report.period().from().toString(), report.period().to().toString(), "CAD",
					FiguresView.of(report.totals()), groups(report.byMonth()), groups(report.byMrc()),
					groups(report.byKind()), groups(report.byBorrowerSector()));
		}

		private static List<GroupView> groups(List<Group> groups) {
			return groups.stream().map((g) -> new GroupView(g.key(), FiguresView.of(g.figures()))).toList();
		}

	}

	/**
	 * Figures under a key.
	 * @param key month, MRC, kind or sector
	 * @param figures the figures
	 */
	record GroupView(@Nullable String key, FiguresView figures) {
	}

	/**
	 * One set of figures.
	 * @param bookings completed bookings
	 * @param staffHours staff time and expertise hours
	 * @param equipmentDays equipment-days
	 * @param spaceHours space hours
	 * @param borrowingOrganisations distinct borrowing organisations
	 * @param amountPaid CAD
	 * @param estimatedSavings CAD, market value − amount paid where the market value is known
	 * @param bookingsWithoutMarketValue bookings left out of the savings
	 */
	record FiguresView(long bookings, String staffHours, long equipmentDays, String spaceHours, int borrowingOrganisations,
			String amountPaid, String estimatedSavings, long bookingsWithoutMarketValue) {

		static FiguresView of(Figures figures) {
			return new FiguresView(figures.bookings(), hours(figures.staffHours()), figures.equipmentDays(),
					hours(figures.spaceHours()), figures.borrowingOrganisations(), figures.amountPaid().toPlainString(),
					figures.estimatedSavings().toPlainString(), figures.bookingsWithoutMarketValue());
		}



	}

}
