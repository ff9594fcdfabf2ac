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
record ListingRequest(@NotNull(message = REQUIRED) ListingKind kind, @NotNull(message = REQUIRED) @Valid Text title,
		@NotNull(message = REQUIRED) @Valid Text description, @NotBlank(message = REQUIRED) @Size(max = 80) String categoryCode,
		@Nullable @Size(max = 20) List<@NotBlank @Size(max = 40) String> tags,
		@NotNull(message = REQUIRED) @Valid Place location, @Nullable @Size(max = 64) String timeZone,
		@NotNull(message = REQUIRED) @Min(1) @Max(10000) Integer bookableAtOnce, @NotNull(message = REQUIRED) BookingUnit unit,
		@NotNull(message = REQUIRED) @Valid Cost costRecovery,
		@Nullable @DecimalMin("0") @Digits(integer = 9, fraction = 2) BigDecimal marketValuePerUnit,
		@Nullable @Valid Attributes traits, @Nullable @Valid Opening availability,
		@NotNull(message = REQUIRED) @Valid Policy bookingPolicy,
		@Nullable @Size(max = 10) List<@NotNull(message = NO_EMPTY_ELEMENT) @Valid Text> prerequisites,
		@Nullable @Valid Person contact) {

	/** Message of a required value the caller left out. */
	static final String REQUIRED = "{listing.field.required}";

	/** Message of a {@code null} element in a list. */
	static final String NO_EMPTY_ELEMENT = "{listing.field.null-element}";

	record Text(@Nullable @Size(max = 4000) String fr, @Nullable @Size(max = 4000) String en) {
	}

	record Place(@NotBlank(message = REQUIRED) @Size(max = 120) String municipality,
			@NotBlank(message = REQUIRED) @Size(max = 120) String mrc,
			@Nullable @Size(max = 300) String address, @Nullable Double latitude, @Nullable Double longitude) {
	}

	record Cost(@NotNull(message = REQUIRED) CostMode mode, @Nullable @DecimalMin("0") @Digits(integer = 9, fraction = 2) BigDecimal amount) {
	}

	record Attributes(@Nullable @Min(1) Integer capacityPersons,
			@Nullable @DecimalMin("0") @Digits(integer = 9, fraction = 2) BigDecimal areaSquareMetres,
			@Nullable @Min(1) Integer quantity, @Nullable EquipmentCondition condition,
			@Nullable @Size(max = 30) List<@NotBlank @Size(max = 120) String> skills,
			@Nullable @Size(max = 10) List<@NotBlank @Size(max = 40) String> languages,
			@Nullable ServiceDelivery delivery, @Nullable @Min(1) @Max(1000) Integer parallelSlots) {
	}

	record Window(@NotNull(message = REQUIRED) DayOfWeek day, @NotNull(message = REQUIRED) LocalTime from,
			@NotNull(message = REQUIRED) LocalTime to) {
	}

	record Closure(@NotNull(message = REQUIRED) LocalDate from, @NotNull(message = REQUIRED) LocalDate to,
			@NotBlank(message = REQUIRED) @Size(max = 300) String reason) {
	}

	record Opening(@Nullable @Size(max = 50) List<@NotNull(message = NO_EMPTY_ELEMENT) @Valid Window> weekly,
			@Nullable @Size(max = 100) List<@NotNull(message = NO_EMPTY_ELEMENT) @Valid Closure> blackouts) {
	}

	record Policy(@NotNull(message = REQUIRED) BookingMode mode,
			@NotNull(message = REQUIRED) @Min(1) @Max(525600) Integer minDurationMinutes,
			@NotNull(message = REQUIRED) @Min(1) @Max(525600) Integer maxDurationMinutes,
			@NotNull(message = REQUIRED) @Min(0) @Max(8760) Integer minNoticeHours,
			@NotNull(message = REQUIRED) @Min(1) @Max(3650) Integer maxAdvanceDays,
			@NotNull(message = REQUIRED) @Min(0) @Max(10080) Integer bufferBeforeMinutes,
			@NotNull(message = REQUIRED) @Min(0) @Max(10080) Integer bufferAfterMinutes, @Nullable @Min(1) Integer monthlyQuotaPerOrganisation,
			@Nullable @Min(0) @Max(8760) Integer cancellationNoticeHours) {
	}

	record Person(@NotBlank(message = REQUIRED) @Size(max = 120) String name, @Nullable @Email @Size(max = 254) String email,
			@Nullable @Size(max = 40) String phone) {
	}

}
