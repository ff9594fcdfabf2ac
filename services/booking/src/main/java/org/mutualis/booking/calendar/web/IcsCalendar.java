package org.mutualis.booking.calendar.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.mutualis.booking.calendar.CalendarEntry;
import org.mutualis.booking.calendar.CalendarFeed;
import org.mutualis.booking.calendar.EntryStatus;
import org.mutualis.booking.calendar.FeedScope;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes a feed as RFC 5545 iCalendar text: times in the listing's own time zone with its {@code VTIMEZONE}, so
 * that calendar apps keep local times right across daylight-saving changes; a listing feed shows busy times only.
 */
@Component
public class IcsCalendar {

	private final MessageSource messages;

	private final Clock clock;

	private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

	IcsCalendar(MessageSource messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * Renders a feed.
	 * @param feed the feed (its scope and language decide what is shown)
	 * @param entries its bookings
	 * @return the iCalendar text, CRLF line ends, folded lines
	 */
	public String render(CalendarFeed feed, List<CalendarEntry> entries) {
		Locale locale = "en".equals(feed.language()) ? Locale.ENGLISH : Locale.CANADA_FRENCH;
		boolean busyOnly = feed.scope() == FeedScope.LISTING;
		Calendar calendar = new Calendar();
		calendar.add(new ProdId("-//Mutualis//Booking//" + locale.getLanguage().toUpperCase(Locale.ROOT)));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		calendar.add(ImmutableMethod.PUBLISH);
		calendar.add(new XProperty("X-WR-CALNAME", text(busyOnly ? "calendar.name.listing" : "calendar.name.organisation", locale)));
		Map<String, TimeZone> used = new LinkedHashMap<>();
		Instant now = this.clock.instant();
		for (CalendarEntry entry : entries) {
			TimeZone zone = this.zones.getTimeZone(entry.timeZone().getId());
			if (zone != null) {
				used.putIfAbsent(entry.timeZone().getId(), zone);
			}
			calendar.add(event(entry, zone != null, busyOnly, locale, now));
		}
		used.values().forEach((zone) -> calendar.add(zone.getVTimeZone()));
		StringWriter out = new StringWriter();
		try {
			new CalendarOutputter(false).output(calendar, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	private VEvent event(CalendarEntry entry, boolean zoneKnown, boolean busyOnly, Locale locale, Instant now) {
		// with a known zone, times are local with TZID; otherwise UTC, which is never wrong, only less friendly
		Temporal start = zoneKnown ? entry.start().atZone(entry.timeZone()) : entry.start().atZone(ZoneId.of("UTC")).toInstant();
		Temporal end = zoneKnown ? entry.end().atZone(entry.timeZone()) : entry.end().atZone(ZoneId.of("UTC")).toInstant();
		String summary = busyOnly ? text("calendar.busy", locale)
				: text("calendar.summary", locale, entry.title(locale.getLanguage()), entry.borrowerOrganisationName(),
						entry.ownerOrganisationName());
		VEvent event = new VEvent(start, end, summary);
		event.replace(new DtStamp(now));
		event.add(new Uid(entry.bookingId() + "@mutualis"));
		event.add(new Sequence(entry.sequence()));
		event.add(new LastModified(entry.changedAt()));
		event.add(switch (entry.status()) {
			case TENTATIVE -> ImmutableStatus.VEVENT_TENTATIVE;
			case CONFIRMED -> ImmutableStatus.VEVENT_CONFIRMED;
			case CANCELLED -> ImmutableStatus.VEVENT_CANCELLED;
		});
		event.add((entry.status() == EntryStatus.CANCELLED) ? ImmutableTransp.TRANSPARENT : ImmutableTransp.OPAQUE);
		if (!busyOnly) {
			event.add(new Description(text("calendar.description", locale, entry.title(locale.getLanguage()),
					entry.borrowerOrganisationName(), entry.ownerOrganisationName(), entry.quantity(),
					text("calendar.status." + entry.status().name(), locale), entry.bookingId())));
		}
		return event;
	}

	private String text(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, key, locale);
	}

}
