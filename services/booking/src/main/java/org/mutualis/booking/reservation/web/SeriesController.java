package org.mutualis.booking.reservation.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.mutualis.booking.reservation.application.Series;
import org.mutualis.platform.security.Actor;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Weekly series: requested in one go (conflicting occurrences skipped and listed), cancelled whole or from a date. */
@RestController
class SeriesController {

	private final Series series;

	SeriesController(Series series) {
		this.series = series;
	}

	@PostMapping("/api/bookings/series")
	ResponseEntity<SeriesView> request(Actor actor,
			@RequestHeader(name = BookingController.IDEMPOTENCY_KEY,
					required = false) @Nullable @Size(min = 1, max = 200) String key,
			@Valid @RequestBody SeriesRequest request) {
		Series.Outcome outcome = this.series.request(actor,
				new Series.Request(request.listingId(), request.start(), request.end(),
						(request.quantity() != null) ? request.quantity() : 1,
						(request.everyWeeks() != null) ? request.everyWeeks() : 1, request.until(), request.occurrences(),
						request.acceptPrerequisites(), request.message()),
				key);
		// 201 when this request booked some; 200 when it booked none (all skipped, or a retry that found them booked)
		return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(SeriesView.of(outcome));
	}

	@PostMapping("/api/bookings/series/{seriesId}/cancel")
	SeriesView cancel(Actor actor, @PathVariable String seriesId, @Valid @RequestBody SeriesCancelRequest request) {
		return SeriesView.of(seriesId, this.series.cancel(actor, seriesId, request.from(), request.reason()));
	}

}
