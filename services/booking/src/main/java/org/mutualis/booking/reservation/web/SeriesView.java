package org.mutualis.booking.reservation.web;

import java.time.Instant;
import java.util.List;

import org.mutualis.booking.reservation.application.Series;

/**
 * What a series request or cancellation did.
 *
 * @param seriesId the series
 * @param booked the occurrences booked (or cancelled)
 * @param skipped the occurrences refused (or kept), each with the rule that decided
 */
record SeriesView(String seriesId, List<BookingView> booked, List<SkippedView> skipped) {

	static SeriesView of(Series.Outcome outcome) {
		return new SeriesView(outcome.seriesId(), outcome.booked().stream().map(BookingView::of).toList(),
				outcome.skipped().stream().map(SkippedView::of).toList());
	}

	static SeriesView of(String seriesId, Series.Cancellation cancellation) {
		return new SeriesView(seriesId, cancellation.cancelled().stream().map(BookingView::of).toList(),
				cancellation.kept().stream().map(SkippedView::of).toList());
	}

	/**
	 * An occurrence not booked or not cancelled.
	 * @param start its start
	 * @param end its end
	 * @param problem the problem type that decided, e.g. {@code slot-unavailable}
	 */
	record SkippedView(Instant start, Instant end, String problem) {

		static SkippedView of(Series.Skipped skipped) {
			return new SkippedView(skipped.start(), skipped.end(), skipped.problem());
		}

	}

}
