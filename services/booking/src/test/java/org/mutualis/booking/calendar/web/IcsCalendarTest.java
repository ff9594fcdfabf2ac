package org.mutualis.booking.calendar.web;

import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;
import org.mutualis.booking.calendar.CalendarEntry;
import org.mutualis.booking.calendar.CalendarFeed;
import org.mutualis.booking.calendar.EntryStatus;
import org.mutualis.booking.calendar.FeedScope;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class IcsCalendarTest {

	private static final ZoneId TORONTO = ZoneId.of("America/Toronto");

	private final IcsCalendar ics = new IcsCalendar(messages(),
			Clock.fixed(Instant.parse("2027-03-01T12:00:00Z"), ZoneOffset.UTC));

	@Test
	void eventAcrossTheSpringDaylightSavingChangeKeepsItsDurationAndLocalTimes() throws Exception {
		// 00:30 EST (UTC-5) to 04:30 EDT (UTC-4) on 2027-03-14: the clock jumps from 02:00 to 03:00, so 3 real hours
		Instant start = ZonedDateTime.of(2027, 3, 14, 0, 30, 0, 0, TORONTO).toInstant();
		Instant end = ZonedDateTime.of(2027, 3, 14, 4, 30, 0, 0, TORONTO).toInstant();
		assertThat(start).isEqualTo(Instant.parse("2027-03-14T05:30:00Z"));
		assertThat(end).isEqualTo(Instant.parse("2027-03-14T08:30:00Z"));

		String text = this.ics.render(feed(FeedScope.ORGANISATION, "fr"),
				List.of(entry("b-dst", start, end, EntryStatus.CONFIRMED)));

		assertThat(text).contains("DTSTART;TZID=America/Toronto:20270314T003000\r\n")
			.contains("DTEND;TZID=America/Toronto:20270314T043000\r\n");
		Calendar calendar = new CalendarBuilder().build(new StringReader(text));
		VTimeZone zone = (VTimeZone) calendar.getComponent("VTIMEZONE").orElseThrow();
		assertThat(zone.getProperty("TZID").orElseThrow().getValue()).isEqualTo("America/Toronto");
		assertThat(zone.getComponents("DAYLIGHT")).isNotEmpty();
		assertThat(zone.getComponents("STANDARD")).isNotEmpty();
		VEvent event = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
		// parsed times carry a synthetic zone id: compare instants and local times
		Instant parsedStart = Instant.from(event.getDateTimeStart().getDate());
		Instant parsedEnd = Instant.from(event.getDateTimeEnd().getDate());
		assertThat(parsedStart).isEqualTo(start);
		assertThat(parsedEnd).isEqualTo(end);
		assertThat(Duration.between(parsedStart, parsedEnd)).isEqualTo(Duration.ofHours(3));
		assertThat(parsedStart.atZone(TORONTO).toLocalTime()).hasToString("00:30");
		assertThat(parsedEnd.atZone(TORONTO).toLocalTime()).hasToString("04:30");
	}

	@Test
	void eventsBeforeAndAfterTheChangeShowTheSameLocalTimeAtDifferentOffsets() throws Exception {
		// a weekly 09:00-12:00 booking, the week before and the week after the change
		Instant before = ZonedDateTime.of(2027, 3, 10, 9, 0, 0, 0, TORONTO).toInstant();
		Instant after = ZonedDateTime.of(2027, 3, 17, 9, 0, 0, 0, TORONTO).toInstant();
		String text = this.ics.render(feed(FeedScope.ORGANISATION, "fr"),
				List.of(entry("b-before", before, before.plus(Duration.ofHours(3)), EntryStatus.CONFIRMED),
						entry("b-after", after, after.plus(Duration.ofHours(3)), EntryStatus.CONFIRMED)));
		assertThat(text).contains("DTSTART;TZID=America/Toronto:20270310T090000")
			.contains("DTSTART;TZID=America/Toronto:20270317T090000");
		Calendar calendar = new CalendarBuilder().build(new StringReader(text));
		List<Instant> starts = calendar.<VEvent>getComponents("VEVENT")
			.stream()
			.map((e) -> Instant.from(e.getDateTimeStart().getDate()))
			.toList();
		assertThat(starts).containsExactly(Instant.parse("2027-03-10T14:00:00Z"), Instant.parse("2027-03-17T13:00:00Z"));
	}

	@Test
	void organisationFeedNamesBothOrganisationsAndTheListing() {
		Instant start = Instant.parse("2026-12-03T14:00:00Z");
		String text = unfolded(this.ics.render(feed(FeedScope.ORGANISATION, "fr"),
				List.of(entry("b-1", start, start.plus(Duration.ofHours(3)), EntryStatus.TENTATIVE))));
		assertThat(text).contains("SUMMARY:Salle polyvalente du Phare — Coopérative La Ruche chez Centre communautaire Le Phare")
			.contains("STATUS:TENTATIVE")
			.contains("UID:b-1@mutualis")
			.contains("X-WR-CALNAME:Réservations Mutualis")
			.contains("Emprunteur : Coopérative La Ruche");
		String english = unfolded(this.ics.render(feed(FeedScope.ORGANISATION, "en"),
				List.of(entry("b-1", start, start.plus(Duration.ofHours(3)), EntryStatus.CONFIRMED))));
		assertThat(english).contains("SUMMARY:Le Phare multipurpose room — Coopérative La Ruche at Centre communautaire Le Phare")
			.contains("STATUS:CONFIRMED");
	}

	@Test
	void cancelledBookingsStayInTheFeedAsCancelled() {
		Instant start = Instant.parse("2026-12-03T14:00:00Z");
		String text = this.ics.render(feed(FeedScope.ORGANISATION, "fr"),
				List.of(entry("b-2", start, start.plus(Duration.ofHours(1)), EntryStatus.CANCELLED)));
		assertThat(text).contains("STATUS:CANCELLED").contains("TRANSP:TRANSPARENT").contains("UID:b-2@mutualis");
	}

	@Test
	void listingFeedShowsBusyTimesWithoutNames() {
		Instant start = Instant.parse("2026-12-03T14:00:00Z");
		String text = unfolded(this.ics.render(feed(FeedScope.LISTING, "fr"),
				List.of(entry("b-3", start, start.plus(Duration.ofHours(2)), EntryStatus.CONFIRMED))));
		assertThat(text).contains("SUMMARY:Occupé").contains("TRANSP:OPAQUE").contains("DTSTART;TZID=America/Toronto:20261203T090000");
		assertThat(text).doesNotContain("La Ruche").doesNotContain("Le Phare").doesNotContain("DESCRIPTION");
	}

	private static String unfolded(String text) {
		return text.replace("\r\n ", "");
	}

	private static CalendarFeed feed(FeedScope scope, String language) {
		Instant now = Instant.parse("2027-03-01T00:00:00Z");
		return new CalendarFeed("feed-1", "org-phare", scope, (scope == FeedScope.LISTING) ? "listing-1" : null, language,
				"hash", "person-1", now, now);
	}

	private static CalendarEntry entry(String id, Instant start, Instant end, EntryStatus status) {
		return new CalendarEntry(id, "listing-1", "Salle polyvalente du Phare", "Le Phare multipurpose room", "org-phare",
				"Centre communautaire Le Phare", "org-ruche", "Coopérative La Ruche", 1, start, end, TORONTO, status,
				Instant.parse("2027-02-01T00:00:00Z"), 2);
	}

	static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
