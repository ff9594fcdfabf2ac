package org.mutualis.booking.config;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the booking service ({@code mutualis.booking.*}).
 *
 * @param answerWithin how long the owner has to answer an approval request before it expires
 * @param reminderLead how long before the start the reminder is due
 * @param completionGrace how long after the end a confirmed booking completes (the owner may record a no-show
 * meanwhile)
 * @param holdRepairGrace how old a hold must be before the repair job releases it when its booking is missing
 * @param maxBatchListings most listing ids one batch availability question may carry
 * @param maxAvailabilityDays longest period one availability view may cover
 * @param jobBatchSize bookings one job run handles at most
 * @param waitlistOfferHold how long freed time offered to a waiting borrower is held for them
 */
@Validated
@ConfigurationProperties("mutualis.booking")
public record BookingProperties(@DefaultValue("48h") Duration answerWithin, @DefaultValue("24h") Duration reminderLead,
		@DefaultValue("1h") Duration completionGrace, @DefaultValue("2m") Duration holdRepairGrace,
		@DefaultValue("500") @Min(1) @Max(5000) int maxBatchListings, @DefaultValue("62") @Min(1) int maxAvailabilityDays,
		@DefaultValue("200") @Min(1) int jobBatchSize, @DefaultValue("24h") Duration waitlistOfferHold) {
}
