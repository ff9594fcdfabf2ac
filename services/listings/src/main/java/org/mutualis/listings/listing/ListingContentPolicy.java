package org.mutualis.listings.listing;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.problem.Refusal.FieldProblem;

/** The rules a listing's content follows whatever its state: coherent prices, hours, limits and kind-specific attributes. */
public final class ListingContentPolicy {

	/** Largest number of tags a listing may carry. */
	public static final int MAX_TAGS = 20;

	private ListingContentPolicy() {
	}

	/**
	 * Checks a listing's content.
	 * @param details the content
	 * @throws Refusal {@code invalid-listing} (400) naming every field at fault
	 */
	public static void check(ListingDetails details) {
		List<FieldProblem> problems = new ArrayList<>();
		if (details.title().hasNoText()) {
			problems.add(problem("title", "title-required"));
		}
		if (details.description().hasNoText()) {
			problems.add(problem("description", "description-required"));
		}
		if (details.tags().size() > MAX_TAGS) {
			problems.add(problem("tags", "too-many-tags"));
		}
		try {
			ZoneId.of(details.timeZone());
		}
		catch (DateTimeException ex) {
			problems.add(problem("timeZone", "unknown-time-zone"));
		}
		if (details.bookableAtOnce() < 1) {
			problems.add(problem("bookableAtOnce", "must-be-positive"));
		}
		checkLocation(details.location(), problems);
		checkCost(details, problems);
		checkTraits(details.kind(), details.traits(), problems);
		checkAvailability(details.availability(), problems);
		checkPolicy(details.bookingPolicy(), problems);
		if (!problems.isEmpty()) {
			throw new Refusal(Refusal.Reason.INVALID, "invalid-listing", "problem.invalid-listing", problems);
		}
	}

	private static void checkLocation(Location location, List<FieldProblem> problems) {
		if ((location.latitude() == null) != (location.longitude() == null)) {
			problems.add(problem("location", "coordinates-incomplete"));
		}
		// !(<=) rather than >: NaN (JSON text "NaN") compares false with every number
		if (location.latitude() != null && !(Math.abs(location.latitude()) <= 90)) {
			problems.add(problem("location.latitude", "coordinate-out-of-range"));
		}
		if (location.longitude() != null && !(Math.abs(location.longitude()) <= 180)) {
			problems.add(problem("location.longitude", "coordinate-out-of-range"));
		}
	}

	private static void checkCost(ListingDetails details, List<FieldProblem> problems) {
		CostRecovery cost = details.costRecovery();
		boolean positive = cost.amount() != null && cost.amount().compareTo(BigDecimal.ZERO) > 0;
		if (cost.mode() == CostMode.RATE && !positive) {
			problems.add(problem("costRecovery.amount", "rate-amount-required"));
		}
		if (cost.mode() != CostMode.RATE && cost.amount() != null) {
			problems.add(problem("costRecovery.amount", "amount-only-with-rate"));
		}
		if (details.marketValuePerUnit() != null && details.marketValuePerUnit().signum() < 0) {
			problems.add(problem("marketValuePerUnit", "must-not-be-negative"));
		}
	}

	private static void checkTraits(ListingKind kind, Traits traits, List<FieldProblem> problems) {
		switch (kind) {
			case SPACE -> {
				if (traits.capacityPersons() == null || traits.capacityPersons() < 1) {
					problems.add(problem("traits.capacityPersons", "capacity-required"));
				}
			}
			case EQUIPMENT -> {
				if (traits.quantity() == null || traits.quantity() < 1) {
					problems.add(problem("traits.quantity", "quantity-required"));
				}
				if (traits.condition() == null) {
					problems.add(problem("traits.condition", "condition-required"));
				}
			}
			case STAFF_TIME, EXPERTISE -> {
				if (traits.delivery() == null) {
					problems.add(problem("traits.delivery", "delivery-required"));
				}
				if (traits.languages().isEmpty()) {
					problems.add(problem("traits.languages", "languages-required"));
				}
			}
		}
		if (traits.parallelSlots() != null && traits.parallelSlots() < 1) {
			problems.add(problem("traits.parallelSlots", "must-be-positive"));
		}
	}

	private static void checkAvailability(Availability availability, List<FieldProblem> problems) {
		for (int i = 0; i < availability.weekly().size(); i++) {
			WeeklyWindow window = availability.weekly().get(i);
			if (!window.from().isBefore(window.to())) {
				problems.add(problem("availability.weekly[" + i + "]", "window-inverted"));
			}
		}
		for (int i = 0; i < availability.blackouts().size(); i++) {
			Blackout blackout = availability.blackouts().get(i);
			if (blackout.to().isBefore(blackout.from())) {
				problems.add(problem("availability.blackouts[" + i + "]", "blackout-inverted"));
			}
		}
	}

	private static void checkPolicy(BookingPolicy policy, List<FieldProblem> problems) {
		if (policy.minDurationMinutes() < 1 || policy.maxDurationMinutes() < policy.minDurationMinutes()) {
			problems.add(problem("bookingPolicy.maxDurationMinutes", "durations-inverted"));
		}
		if (policy.minNoticeHours() < 0 || policy.bufferBeforeMinutes() < 0 || policy.bufferAfterMinutes() < 0) {
			problems.add(problem("bookingPolicy", "must-not-be-negative"));
		}
		if (policy.maxAdvanceDays() < 1) {
			problems.add(problem("bookingPolicy.maxAdvanceDays", "must-be-positive"));
		}
		if (policy.monthlyQuotaPerOrganisation() != null && policy.monthlyQuotaPerOrganisation() < 1) {
			problems.add(problem("bookingPolicy.monthlyQuotaPerOrganisation", "must-be-positive"));
		}
		if (policy.cancellationNoticeHours() < 0) {
			problems.add(problem("bookingPolicy.cancellationNoticeHours", "must-not-be-negative"));
		}
	}

	private static FieldProblem problem(String field, String key) {
		return new FieldProblem(field, "listing.field." + key);
	}

}
