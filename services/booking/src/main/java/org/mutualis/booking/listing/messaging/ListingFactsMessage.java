package org.mutualis.booking.listing.messaging;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Booking's own copy of the {@code listing} object that listings' published, updated and reinstated events carry
 * (contract {@code mutualis.listing.published.v1}); fields added later are ignored, fields added by additive changes
 * are optional here.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ListingFactsMessage(String kind, Text title, String status, @Nullable String mrc, int bookableAtOnce,
		@Nullable Integer capacity, String unit, String timeZone, Availability availability, Policy bookingPolicy,
		Cost costRecovery, @Nullable BigDecimal marketValuePerUnit, @Nullable List<Text> prerequisites) {

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Text(@Nullable String fr, @Nullable String en) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Availability(List<Window> weekly, List<Closed> blackouts) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Window(String day, String from, String to) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Closed(String from, String to, @Nullable String reason) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Policy(String mode, int minDurationMinutes, int maxDurationMinutes, int minNoticeHours, int maxAdvanceDays,
			int bufferBeforeMinutes, int bufferAfterMinutes, @Nullable Integer monthlyQuotaPerOrganisation,
			@Nullable Integer cancellationNoticeHours) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Cost(String mode, @Nullable BigDecimal amount) {
	}

}
