package org.mutualis.booking.reservation;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.mutualis.booking.listing.Blackout;
import org.mutualis.booking.listing.BookableListing;
import org.mutualis.booking.listing.BookingUnit;
import org.mutualis.booking.listing.WeeklyWindow;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.problem.Refusal.Reason;

/**
 * A request fits the listing's weekly windows and whole-day blackouts, in the listing's time zone, and is cut in its
 * unit: {@link BookingUnit#HOUR} whole hours starting on a quarter hour inside one window; {@link BookingUnit#HALF_DAY}
 * one or more four-hour blocks counted from the opening of that day's window, inside it; {@link BookingUnit#DAY}
 * from the opening of the first day's window to the closing of the last day's window.
 */
public final class OpeningHoursPolicy {

	private static final int QUARTER = 15;

	/**
	 * Checks a range.
	 * @param listing the listing
	 * @param range the requested time
	 * @return the verdict
	 */
	public PolicyResult check(BookableListing listing, TimeRange range) {
		ZoneId zone = listing.timeZone();
		LocalDateTime start = LocalDateTime.ofInstant(range.start(), zone);
		LocalDateTime end = LocalDateTime.ofInstant(range.end(), zone);
		if (!onQuarter(start) || !onQuarter(end)) {
			return broken("not-in-unit", listing);
		}
		for (LocalDate day = start.toLocalDate(); !day.isAfter(end.toLocalDate()); day = day.plusDays(1)) {
			for (Blackout blackout : listing.blackouts()) {
				if (blackout.covers(day)) {
					return new PolicyResult.Broken(Refusal.of(Reason.UNPROCESSABLE, "blackout", day, blackout.reason())
						.with("closedFrom", blackout.from().toString())
						.with("closedTo", blackout.to().toString())
						.with("reopensOn", blackout.to().plusDays(1).toString()));
				}
			}
		}
		return switch (listing.unit()) {
			case HOUR -> withinOneWindow(listing, start, end, 60);
			case HALF_DAY -> withinOneWindow(listing, start, end, BookingUnit.HALF_DAY_MINUTES);
			case DAY -> wholeDays(listing, start, end);
		};
	}

	private PolicyResult withinOneWindow(BookableListing listing, LocalDateTime start, LocalDateTime end,
			int unitMinutes) {
		Optional<WeeklyWindow> window = windowHolding(listing.weekly(), start, end);
		if (window.isEmpty()) {
			return new PolicyResult.Broken(Refusal.of(Reason.UNPROCESSABLE, "outside-opening-hours")
				.with("openingHours", hoursOf(listing.weekly(), start.toLocalDate())));
		}
		long minutes = Duration.between(start, end).toMinutes();
		long fromOpening = Duration.between(window.get().from(), start.toLocalTime()).toMinutes();
		boolean aligned = (unitMinutes == 60) ? minutes % 60 == 0
				: (minutes % unitMinutes == 0 && fromOpening % unitMinutes == 0);
		return aligned ? PolicyResult.ALLOWED : broken("not-in-unit", listing);
	}

	private PolicyResult wholeDays(BookableListing listing, LocalDateTime start, LocalDateTime end) {
		Optional<WeeklyWindow> first = listing.weekly()
			.stream()
			.filter((w) -> w.day() == start.getDayOfWeek() && w.from().equals(start.toLocalTime()))
			.findFirst();
		Optional<WeeklyWindow> last = listing.weekly()
			.stream()
			.filter((w) -> w.day() == end.getDayOfWeek() && w.to().equals(end.toLocalTime()))
			.findFirst();
		if (first.isEmpty() || last.isEmpty()) {
			List<WeeklyWindow> day = listing.weekly().stream().filter((w) -> w.day() == start.getDayOfWeek()).toList();
			if (day.isEmpty()) {
				return new PolicyResult.Broken(Refusal.of(Reason.UNPROCESSABLE, "outside-opening-hours")
					.with("openingHours", List.of()));
			}
			// open that day, but booked by the day: from its opening to its closing, which the refusal names
			LocalTime opens = day.stream().map(WeeklyWindow::from).min(LocalTime::compareTo).orElseThrow();
			LocalTime closes = day.stream().map(WeeklyWindow::to).max(LocalTime::compareTo).orElseThrow();
			return new PolicyResult.Broken(Refusal.of(Reason.UNPROCESSABLE, "whole-days-only", opens.toString(),
					closes.toString())
				.with("openingHours", hoursOf(listing.weekly(), start.toLocalDate()))
				.with("dayStart", start.toLocalDate().atTime(opens).atZone(listing.timeZone()).toInstant().toString())
				.with("dayEnd", start.toLocalDate().atTime(closes).atZone(listing.timeZone()).toInstant().toString()));
		}
		return PolicyResult.ALLOWED;
	}

	/**
	 * The window of a day that holds a whole range, if any.
	 * @param weekly the weekly windows
	 * @param start local start
	 * @param end local end
	 * @return the window
	 */
	static Optional<WeeklyWindow> windowHolding(List<WeeklyWindow> weekly, LocalDateTime start, LocalDateTime end) {
		if (!start.toLocalDate().equals(end.toLocalDate())) {
			return Optional.empty();
		}
		LocalTime from = start.toLocalTime();
		LocalTime to = end.toLocalTime();
		return weekly.stream()
			.filter((w) -> w.day() == start.getDayOfWeek() && !from.isBefore(w.from()) && !to.isAfter(w.to()))
			.findFirst();
	}

	private static List<String> hoursOf(List<WeeklyWindow> weekly, LocalDate day) {
		return weekly.stream().filter((w) -> w.day() == day.getDayOfWeek()).map((w) -> w.from() + "-" + w.to()).toList();
	}

	private static boolean onQuarter(LocalDateTime time) {
		return time.getSecond() == 0 && time.getNano() == 0 && time.getMinute() % QUARTER == 0;
	}

	private static PolicyResult broken(String rule, BookableListing listing) {
		return new PolicyResult.Broken(Refusal.of(Reason.UNPROCESSABLE, rule).with("unit", listing.unit().name()));
	}

}
