package org.mutualis.listings.listing.web;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.mutualis.listings.listing.BookingMode;
import org.mutualis.listings.listing.BookingUnit;
import org.mutualis.listings.listing.CostMode;
import org.mutualis.listings.listing.EquipmentCondition;
import org.mutualis.listings.listing.ListingKind;
import org.mutualis.listings.listing.ServiceDelivery;

/**
 * What a manager sends to create or edit a listing. Owner, state and version are never part of it: they come
 * from the token, the lifecycle and the {@code If-Match} header.
 */
record ListingRequest(@NotNull ListingKind kind, @NotNull @Valid Text title, @NotNull @Valid Text description,
		@NotBlank String categoryCode, @Nullable @Size(max = 20) List<@NotBlank @Size(max = 40) String> tags,
		@NotNull @Valid Place location, @Nullable String timeZone, @Min(1) @Max(10000) int bookableAtOnce,
		@NotNull BookingUnit unit, @NotNull @Valid Cost costRecovery,
		@Nullable @DecimalMin("0") @Digits(integer = 9, fraction = 2) BigDecimal marketValuePerUnit,
		@Nullable @Valid Attributes traits, @Nullable @Valid Opening availability, @NotNull @Valid Policy bookingPolicy,
		@Nullable @Size(max = 10) List<@Valid Text> prerequisites, @Nullable @Valid Person contact) {

	record Text(@Nullable @Size(max = 4000) String fr, @Nullable @Size(max = 4000) String en) {
	}

	record Place(@NotBlank @Size(max = 120) String municipality, @NotBlank @Size(max = 120) String mrc,
			@Nullable @Size(max = 300) String address, @Nullable Double latitude, @Nullable Double longitude) {
	}

	record Cost(@NotNull CostMode mode, @Nullable @DecimalMin("0") @Digits(integer = 9, fraction = 2) BigDecimal amount) {
	}

	record Attributes(@Nullable @Min(1) Integer capacityPersons, @Nullable @DecimalMin("0") BigDecimal areaSquareMetres,
			@Nullable @Min(1) Integer quantity, @Nullable EquipmentCondition condition,
			@Nullable @Size(max = 30) List<@NotBlank String> skills, @Nullable @Size(max = 10) List<@NotBlank String> languages,
			@Nullable ServiceDelivery delivery, @Nullable @Min(1) @Max(1000) Integer parallelSlots) {
	}

	record Window(@NotNull DayOfWeek day, @NotNull LocalTime from, @NotNull LocalTime to) {
	}

	record Closure(@NotNull LocalDate from, @NotNull LocalDate to, @NotBlank @Size(max = 300) String reason) {
	}

	record Opening(@Nullable @Size(max = 50) List<@Valid Window> weekly, @Nullable @Size(max = 100) List<@Valid Closure> blackouts) {
	}

	record Policy(@NotNull BookingMode mode, @Min(1) int minDurationMinutes, @Min(1) int maxDurationMinutes,
			@Min(0) int minNoticeHours, @Min(1) int maxAdvanceDays, @Min(0) int bufferBeforeMinutes,
			@Min(0) int bufferAfterMinutes, @Nullable @Min(1) Integer monthlyQuotaPerOrganisation,
			@Nullable @Min(0) @Max(8760) Integer cancellationNoticeHours) {
	}

	record Person(@NotBlank @Size(max = 120) String name, @Nullable @Email String email,
			@Nullable @Size(max = 40) String phone) {
	}

}
