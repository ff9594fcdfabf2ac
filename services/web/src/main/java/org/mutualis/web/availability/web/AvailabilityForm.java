package org.mutualis.web.availability.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.util.MultiValueMap;

/**
 * The availability editor's rows: weekly opening windows (a day may have several) and closures (days on which the
 * listing cannot be booked, with a reason shown to borrowers). Rows left blank are dropped; what cannot be a day, a
 * time or a date is named by its row ({@code weekly[2].from}) before anything is sent to listings, and listings'
 * own refusals ({@code availability.weekly[0].to}) are moved onto the row they came from.
 */
public final class AvailabilityForm {

	/** The days of the week, as listings names them. */
	static final List<String> DAYS = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY",
			"SUNDAY");

	/** Blank rows offered below the filled ones, so that a window or a closure can be added without a script. */
	static final int SPARE_ROWS = 3;

	private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

	private static final Pattern DATE = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])");

	private static final Pattern SERVICE_FIELD = Pattern.compile("availability\\.(weekly|blackouts)\\[(\\d+)](?:\\.(\\w+))?");

	private final List<Window> windows;

	private final List<Closure> closures;

	private AvailabilityForm(List<Window> windows, List<Closure> closures) {
		this.windows = windows;
		this.closures = closures;
	}

	/**
	 * @param listing a listing as listings shows it
	 * @return its availability as rows
	 */
	static AvailabilityForm of(Map<String, Object> listing) {
		List<Window> windows = new ArrayList<>();
		List<Closure> closures = new ArrayList<>();
		if (listing.get("availability") instanceof Map<?, ?> availability) {
			if (availability.get("weekly") instanceof List<?> weekly) {
				for (Object item : weekly) {
					if (item instanceof Map<?, ?> window) {
						windows.add(new Window(text(window.get("day")), shortTime(text(window.get("from"))),
								shortTime(text(window.get("to")))));
					}
				}
			}
			if (availability.get("blackouts") instanceof List<?> blackouts) {
				for (Object item : blackouts) {
					if (item instanceof Map<?, ?> closure) {
						closures.add(new Closure(text(closure.get("from")), text(closure.get("to")),
								text(closure.get("reason"))));
					}
				}
			}
		}
		return new AvailabilityForm(windows, closures);
	}

	/**
	 * @param submitted the posted editor: parallel {@code day}, {@code from}, {@code to} and {@code closedFrom},
	 * {@code closedTo}, {@code closedReason} values, one per row
	 * @return the rows as posted, blank ones dropped
	 */
	static AvailabilityForm of(MultiValueMap<String, String> submitted) {
		List<Window> windows = new ArrayList<>();
		List<String> days = submitted.getOrDefault("day", List.of());
		for (int i = 0; i < days.size(); i++) {
			Window window = new Window(days.get(i).trim(), at(submitted, "from", i), at(submitted, "to", i));
			if (!window.blank()) {
				windows.add(window);
			}
		}
		List<Closure> closures = new ArrayList<>();
		List<String> starts = submitted.getOrDefault("closedFrom", List.of());
		for (int i = 0; i < starts.size(); i++) {
			Closure closure = new Closure(starts.get(i).trim(), at(submitted, "closedTo", i),
					at(submitted, "closedReason", i));
			if (!closure.blank()) {
				closures.add(closure);
			}
		}
		return new AvailabilityForm(windows, closures);
	}

	/** @return the weekly windows, then {@link #SPARE_ROWS} blank ones */
	List<Window> windowRows() {
		List<Window> rows = new ArrayList<>(this.windows);
		for (int i = 0; i < SPARE_ROWS; i++) {
			rows.add(new Window("", "", ""));
		}
		return rows;
	}

	/** @return the closures, then {@link #SPARE_ROWS} blank ones */
	List<Closure> closureRows() {
		List<Closure> rows = new ArrayList<>(this.closures);
		for (int i = 0; i < SPARE_ROWS; i++) {
			rows.add(new Closure("", "", ""));
		}
		return rows;
	}

	/** @return the weekly windows, without blank rows */
	List<Window> windows() {
		return this.windows;
	}

	/** @return the closures, without blank rows */
	List<Closure> closures() {
		return this.closures;
	}

	/**
	 * What is wrong before listings is asked, by row field ({@code weekly[0].from}).
	 * @return the message key of each malformed field
	 */
	Map<String, String> malformed() {
		Map<String, String> problems = new LinkedHashMap<>();
		for (int i = 0; i < this.windows.size(); i++) {
			Window window = this.windows.get(i);
			if (!DAYS.contains(window.day())) {
				problems.put("weekly[" + i + "].day", "mgmt.error.day");
			}
			check(problems, "weekly[" + i + "].from", window.from(), TIME, "mgmt.error.time");
			check(problems, "weekly[" + i + "].to", window.to(), TIME, "mgmt.error.time");
		}
		for (int i = 0; i < this.closures.size(); i++) {
			Closure closure = this.closures.get(i);
			check(problems, "blackouts[" + i + "].from", closure.from(), DATE, "mgmt.error.date");
			check(problems, "blackouts[" + i + "].to", closure.to(), DATE, "mgmt.error.date");
			if (closure.reason().isBlank()) {
				problems.put("blackouts[" + i + "].reason", "mgmt.error.required");
			}
		}
		return problems;
	}

	/**
	 * @return the {@code availability} object of listings' request body
	 */
	Map<String, Object> availability() {
		List<Map<String, Object>> weekly = this.windows.stream()
			.map((w) -> Map.<String, Object>of("day", w.day(), "from", w.from(), "to", w.to()))
			.toList();
		List<Map<String, Object>> blackouts = this.closures.stream()
			.map((c) -> Map.<String, Object>of("from", c.from(), "to", c.to(), "reason", c.reason()))
			.toList();
		return Map.of("weekly", weekly, "blackouts", blackouts);
	}

	/**
	 * Moves listings' refusals onto the rows: the rows sent are the non-blank ones, in order, so index {@code k} of
	 * the request is row {@code k} of the form.
	 * @param fields listings' message per field path
	 * @return the messages by row field; a message that names no row stays under its own path
	 */
	static Map<String, String> rowFields(Map<String, String> fields) {
		Map<String, String> rows = new LinkedHashMap<>();
		fields.forEach((path, message) -> {
			Matcher matcher = SERVICE_FIELD.matcher(path);
			if (matcher.matches()) {
				String row = matcher.group(1) + "[" + matcher.group(2) + "]";
				String field = (matcher.group(3) != null) ? matcher.group(3)
						: "weekly".equals(matcher.group(1)) ? "day" : "from";
				rows.putIfAbsent(row + "." + field, message);
			}
			else {
				rows.putIfAbsent(path, message);
			}
		});
		return rows;
	}

	/** @return the weekly windows in one line, to tell whether someone else changed them */
	String weeklyText() {
		return join(this.windows, (w) -> w.day() + " " + w.from() + "-" + w.to());
	}

	/** @return the closures in one line, to tell whether someone else changed them */
	String closuresText() {
		return join(this.closures, (c) -> c.from() + " " + c.to() + " " + c.reason());
	}

	private static <T> String join(List<T> items, Function<T, String> line) {
		return String.join(" | ", items.stream().map(line).toList());
	}

	private static void check(Map<String, String> problems, String field, String value, Pattern pattern,
			String malformed) {
		if (value.isBlank()) {
			problems.put(field, "mgmt.error.required");
		}
		else if (!pattern.matcher(value).matches()) {
			problems.put(field, malformed);
		}
	}

	private static String at(MultiValueMap<String, String> submitted, String name, int index) {
		List<String> values = submitted.getOrDefault(name, List.of());
		return (index < values.size()) ? values.get(index).trim() : "";
	}

	private static String text(@Nullable Object value) {
		return (value != null) ? String.valueOf(value) : "";
	}

	private static String shortTime(String time) {
		return (time.length() > 5) ? time.substring(0, 5) : time;
	}

	/**
	 * A weekly opening window.
	 * @param day {@code MONDAY} … {@code SUNDAY}
	 * @param from opening time, {@code HH:mm}
	 * @param to closing time, {@code HH:mm}
	 */
	public record Window(String day, String from, String to) {

		boolean blank() {
			return this.day.isBlank() && this.from.isBlank() && this.to.isBlank();
		}

	}

	/**
	 * Days on which the listing is closed.
	 * @param from first day, {@code yyyy-MM-dd}
	 * @param to last day, included
	 * @param reason why, shown to borrowers
	 */
	public record Closure(String from, String to, String reason) {

		boolean blank() {
			return this.from.isBlank() && this.to.isBlank() && this.reason.isBlank();
		}

	}

}
