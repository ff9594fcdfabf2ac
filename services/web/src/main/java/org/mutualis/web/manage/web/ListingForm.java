package org.mutualis.web.manage.web;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.mutualis.web.web.FormChecks;
import org.mutualis.web.web.ServiceRefusal;

import org.springframework.util.MultiValueMap;

/**
 * The listing form of a manager: its fields carry the API's own field paths ({@code title.fr},
 * {@code costRecovery.amount}…), so that listings' refusals land beside the right field; what the form does not
 * show (tags, traits, blackouts, buffers, contact details) is kept from the listing as it was.
 */
final class ListingForm {

	/** Every field the form shows, by its API path. */
	static final List<String> FIELDS = List.of("kind", "title.fr", "title.en", "description.fr", "description.en",
			"categoryCode", "traits.capacityPersons", "traits.quantity", "location.municipality", "location.mrc", "location.address", "bookableAtOnce", "unit",
			"costRecovery.mode", "costRecovery.amount", "bookingPolicy.mode", "bookingPolicy.minDurationMinutes",
			"bookingPolicy.maxDurationMinutes", "bookingPolicy.minNoticeHours", "bookingPolicy.maxAdvanceDays",
			"bookingPolicy.cancellationNoticeHours", "prerequisite.fr", "prerequisite.en", "availability.from",
			"availability.to", "contact.name");

	private static final List<String> NUMBERS = List.of("traits.capacityPersons", "traits.quantity", "bookableAtOnce", "bookingPolicy.minDurationMinutes",
			"bookingPolicy.maxDurationMinutes", "bookingPolicy.minNoticeHours", "bookingPolicy.maxAdvanceDays",
			"bookingPolicy.cancellationNoticeHours");

	/** The range listings takes for each number of the form: web refuses what lies outside before asking. */
	private static final Map<String, int[]> RANGES = Map.of("traits.capacityPersons", new int[] { 1, Integer.MAX_VALUE },
			"traits.quantity", new int[] { 1, Integer.MAX_VALUE }, "bookableAtOnce", new int[] { 1, 10000 },
			"bookingPolicy.minDurationMinutes", new int[] { 1, 525600 }, "bookingPolicy.maxDurationMinutes",
			new int[] { 1, 525600 }, "bookingPolicy.minNoticeHours", new int[] { 0, 8760 },
			"bookingPolicy.maxAdvanceDays", new int[] { 1, 3650 }, "bookingPolicy.cancellationNoticeHours",
			new int[] { 0, 8760 });

	private static final List<String> REQUEST_FIELDS = List.of("kind", "title", "description", "categoryCode", "tags",
			"location", "timeZone", "bookableAtOnce", "unit", "costRecovery", "marketValuePerUnit", "traits",
			"availability", "bookingPolicy", "prerequisites", "contact");

	private static final Pattern WEEKLY = Pattern.compile("availability\\.weekly(?:\\[\\d+])?(?:\\.(\\w+))?");

	private static final Pattern PREREQUISITE = Pattern.compile("prerequisites(?:\\[\\d+])?(?:\\.(fr|en))?");

	private ListingForm() {
	}

	/** @return the values a new listing starts with */
	static Map<String, String> blank() {
		Map<String, String> form = new LinkedHashMap<>();
		FIELDS.forEach((field) -> form.put(field, ""));
		form.put("kind", "SPACE");
		form.put("bookableAtOnce", "1");
		form.put("unit", "HOUR");
		form.put("costRecovery.mode", "FREE");
		form.put("bookingPolicy.mode", "APPROVAL");
		form.put("bookingPolicy.minDurationMinutes", "60");
		form.put("bookingPolicy.maxDurationMinutes", "480");
		form.put("bookingPolicy.minNoticeHours", "24");
		form.put("bookingPolicy.maxAdvanceDays", "180");
		form.put("bookingPolicy.cancellationNoticeHours", "24");
		form.put("availability.from", "09:00");
		form.put("availability.to", "17:00");
		form.put("days", "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY");
		return form;
	}

	/**
	 * @param listing a listing as listings shows it
	 * @return the form's values for it
	 */
	static Map<String, String> of(Map<String, Object> listing) {
		Map<String, String> form = blank();
		for (String field : FIELDS) {
			Object value = (field.startsWith("prerequisite.")) ? firstPrerequisite(listing, field.substring(13))
					: (field.startsWith("availability.")) ? null : path(listing, field);
			if (value != null || !field.startsWith("availability.")) {
				form.put(field, (value != null) ? String.valueOf(value) : "");
			}
		}
		if (path(listing, "availability") instanceof Map<?, ?> availability
				&& availability.get("weekly") instanceof List<?> weekly && !weekly.isEmpty()) {
			List<String> days = new ArrayList<>();
			String from = null;
			String to = null;
			for (Object item : weekly) {
				if (item instanceof Map<?, ?> window) {
					days.add(String.valueOf(window.get("day")));
					String start = String.valueOf(window.get("from"));
					String end = String.valueOf(window.get("to"));
					from = (from == null || start.compareTo(from) < 0) ? start : from;
					to = (to == null || end.compareTo(to) > 0) ? end : to;
				}
			}
			form.put("days", String.join(",", days));
			form.put("availability.from", shortTime(from));
			form.put("availability.to", shortTime(to));
		}
		return form;
	}

	/**
	 * @param submitted the posted form
	 * @return the form's values as posted
	 */
	static Map<String, String> of(MultiValueMap<String, String> submitted) {
		Map<String, String> form = new LinkedHashMap<>();
		for (String field : FIELDS) {
			String value = submitted.getFirst(field);
			form.put(field, (value != null) ? value.trim() : "");
		}
		List<String> days = submitted.getOrDefault("days", List.of());
		form.put("days", String.join(",", days));
		return form;
	}

	/**
	 * Checks the form's numbers as typed: a number field holding something other than a whole number of its range,
	 * or an amount that is not one, is refused beside the field; an empty field is left for listings to judge (its
	 * default or its "required").
	 * @param form the form's values
	 * @param checks where the refusals are kept
	 * @return the checks
	 */
	static FormChecks check(Map<String, String> form, FormChecks checks) {
		for (String field : NUMBERS) {
			String value = form.getOrDefault(field, "");
			if (!value.isBlank()) {
				int[] range = RANGES.get(field);
				checks.wholeNumber(field, value, null, range[0], range[1]);
			}
		}
		if ("RATE".equals(form.get("costRecovery.mode"))) {
			checks.amount("costRecovery.amount", form.get("costRecovery.amount"));
		}
		return checks;
	}

	/**
	 * Moves listings' refusals onto the form's fields: a whole text ({@code title}, {@code description}) onto its
	 * French field, a weekly window ({@code availability.weekly[0].to}) onto the form's days and hours, a
	 * prerequisite onto the condition's field; a path the form does not show stays as it is, for the summary.
	 * @param refusal listings' refusal
	 * @return the refusal, its fields named as the form names them
	 */
	static ServiceRefusal besideFields(ServiceRefusal refusal) {
		if (refusal.fields().isEmpty()) {
			return refusal;
		}
		Map<String, String> fields = new LinkedHashMap<>();
		refusal.fields().forEach((path, message) -> fields.putIfAbsent(formField(path), message));
		return new ServiceRefusal(refusal.getStatusCode(), refusal.type(), refusal.detail(), fields);
	}

	private static String formField(String path) {
		if (FIELDS.contains(path)) {
			return path;
		}
		if ("title".equals(path) || "description".equals(path)) {
			return path + ".fr";
		}
		Matcher weekly = WEEKLY.matcher(path);
		if (weekly.matches()) {
			String part = weekly.group(1);
			return ("from".equals(part) || "to".equals(part)) ? "availability." + part : "days";
		}
		Matcher prerequisite = PREREQUISITE.matcher(path);
		if (prerequisite.matches()) {
			return "prerequisite." + ((prerequisite.group(1) != null) ? prerequisite.group(1) : "fr");
		}
		return path;
	}

	/**
	 * The request body listings expects: the listing as it was (or nothing, for a new one), with the form's values.
	 * @param form the form's values
	 * @param current the listing as it was, or {@code null}
	 * @return the body of {@code POST /api/listings} or {@code PUT /api/listings/{id}}
	 */
	static Map<String, Object> request(Map<String, String> form, @Nullable Map<String, Object> current) {
		Map<String, Object> request = new LinkedHashMap<>();
		if (current != null) {
			for (String field : REQUEST_FIELDS) {
				if (current.get(field) != null) {
					request.put(field, copy(current.get(field)));
				}
			}
		}
		for (String field : FIELDS) {
			if (field.startsWith("prerequisite.") || field.startsWith("availability.")) {
				continue;
			}
			String value = form.get(field);
			put(request, field, (value == null || value.isBlank()) ? null : NUMBERS.contains(field) ? number(value)
					: "costRecovery.amount".equals(field) ? decimal(value) : value);
		}
		if (request.get("bookingPolicy") instanceof Map<?, ?> policy) {
			// the form does not show buffers between bookings: a new listing has none, an edited one keeps its own
			Map<String, Object> kept = copyMap(policy);
			kept.putIfAbsent("bufferBeforeMinutes", 0);
			kept.putIfAbsent("bufferAfterMinutes", 0);
			request.put("bookingPolicy", kept);
		}
		if (request.get("contact") instanceof Map<?, ?> contact && contact.get("name") == null) {
			request.remove("contact");
		}
		if (!"RATE".equals(form.get("costRecovery.mode"))) {
			put(request, "costRecovery.amount", null);
		}
		String fr = form.get("prerequisite.fr");
		String en = form.get("prerequisite.en");
		if (!fr.isBlank() || !en.isBlank()) {
			Map<String, Object> prerequisite = new LinkedHashMap<>();
			prerequisite.put("fr", fr.isBlank() ? null : fr);
			prerequisite.put("en", en.isBlank() ? null : en);
			request.put("prerequisites", List.of(prerequisite));
		}
		else {
			request.put("prerequisites", List.of());
		}
		if (current != null && keepsTheOpeningHours(form, current)) {
			// the windows set in the availability editor (several a day, different hours) cannot be shown by this
			// form's days and hours: untouched, they stay as they are
			return request;
		}
		List<Map<String, Object>> weekly = new ArrayList<>();
		for (String day : form.getOrDefault("days", "").split(",")) {
			if (!day.isBlank() && isDay(day)) {
				Map<String, Object> window = new LinkedHashMap<>();
				window.put("day", day);
				window.put("from", form.get("availability.from"));
				window.put("to", form.get("availability.to"));
				weekly.add(window);
			}
		}
		Map<String, Object> availability = (request.get("availability") instanceof Map<?, ?> was)
				? copyMap(was) : new LinkedHashMap<>();
		availability.put("weekly", weekly);
		availability.putIfAbsent("blackouts", List.of());
		request.put("availability", availability);
		return request;
	}

	private static boolean keepsTheOpeningHours(Map<String, String> form, Map<String, Object> current) {
		if (!(path(current, "availability.weekly") instanceof List<?> weekly) || weekly.isEmpty()) {
			return false;
		}
		Map<String, String> shown = of(current);
		return days(form.getOrDefault("days", "")).equals(days(shown.get("days")))
				&& form.getOrDefault("availability.from", "").equals(shown.get("availability.from"))
				&& form.getOrDefault("availability.to", "").equals(shown.get("availability.to"));
	}

	/**
	 * The fields someone else changed: their value now differs from the value the person started from.
	 * @param started the values the person's form started with
	 * @param now the listing's values now
	 * @return the changed fields
	 */
	static List<String> changedElsewhere(Map<String, String> started, Map<String, String> now) {
		List<String> changed = new ArrayList<>();
		for (String field : FIELDS) {
			if (!started.getOrDefault(field, "").equals(now.getOrDefault(field, ""))) {
				changed.add(field);
			}
		}
		if (!started.getOrDefault("days", "").equals(now.getOrDefault("days", ""))) {
			changed.add("days");
		}
		return changed;
	}

	private static java.util.Set<String> days(String days) {
		return new java.util.TreeSet<>(List.of(days.split(",")));
	}

	private static boolean isDay(String day) {
		try {
			DayOfWeek.valueOf(day);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static String shortTime(@Nullable String time) {
		return (time != null && time.length() >= 5) ? time.substring(0, 5) : "";
	}

	private static @Nullable Object firstPrerequisite(Map<String, Object> listing, String language) {
		if (listing.get("prerequisites") instanceof List<?> list && !list.isEmpty()
				&& list.get(0) instanceof Map<?, ?> first) {
			return first.get(language);
		}
		return null;
	}

	private static @Nullable Object path(Map<String, Object> map, String path) {
		Object value = map;
		for (String part : path.split("\\.")) {
			if (!(value instanceof Map<?, ?> level)) {
				return null;
			}
			value = level.get(part);
		}
		return value;
	}

	private static void put(Map<String, Object> map, String path, @Nullable Object value) {
		String[] parts = path.split("\\.");
		Map<String, Object> level = map;
		for (int i = 0; i < parts.length - 1; i++) {
			Object next = level.get(parts[i]);
			Map<String, Object> child = (next instanceof Map<?, ?> existing) ? copyMap(existing) : new LinkedHashMap<>();
			level.put(parts[i], child);
			level = child;
		}
		level.put(parts[parts.length - 1], value);
	}

	private static Object copy(Object value) {
		return (value instanceof Map<?, ?> map) ? copyMap(map) : value;
	}

	private static Map<String, Object> copyMap(Map<?, ?> map) {
		Map<String, Object> copy = new LinkedHashMap<>();
		map.forEach((key, value) -> copy.put(String.valueOf(key), (value != null) ? copy(value) : null));
		return copy;
	}

	private static Object number(String value) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			return value;
		}
	}

	private static Object decimal(String value) {
		try {
			return new BigDecimal(value.replace(',', '.').replace(" ", "").replace("\u00a0", ""));
		}
		catch (NumberFormatException ex) {
			return value;
		}
	}

}
