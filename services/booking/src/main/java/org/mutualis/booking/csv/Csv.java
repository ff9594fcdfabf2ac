package org.mutualis.booking.csv;

import java.util.List;

/**
 * Builds RFC 4180 CSV: comma-separated, CRLF after every record, a field quoted when it holds a comma, a quote or
 * a line break, quotes doubled. Text fields that a spreadsheet would run as a formula are defused (OWASP CSV
 * injection): they get a leading apostrophe.
 */
public final class Csv {

	private final StringBuilder text = new StringBuilder();

	/**
	 * Adds a record of plain values (numbers, dates, codes), written as they are.
	 * @param values the fields
	 * @return this
	 */
	public Csv values(List<?> values) {
		return add(values, false);
	}

	/**
	 * Adds a record whose fields may come from people (names, titles), defused if they look like formulas.
	 * @param fields the fields; each one is a {@link Value} or a text from people
	 * @return this
	 */
	public Csv record(List<?> fields) {
		return add(fields, true);
	}

	private Csv add(List<?> fields, boolean defuse) {
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) {
				this.text.append(',');
			}
			Object field = fields.get(i);
			String value;
			if (field == null) {
				value = "";
			}
			else if (field instanceof Value plain) {
				value = plain.text();
			}
			else {
				value = defuse ? defused(field.toString()) : field.toString();
			}
			this.text.append(quoted(value));
		}
		this.text.append("\r\n");
		return this;
	}

	/** @return the CSV text */
	@Override
	public String toString() {
		return this.text.toString();
	}

	static String quoted(String value) {
		if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
			return value;
		}
		return '"' + value.replace("\"", "\"\"") + '"';
	}

	static String defused(String value) {
		if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
			return "'" + value;
		}
		return value;
	}

	/**
	 * A value the application wrote itself (a number, a date, a code), never defused.
	 * @param text the value
	 */
	public record Value(String text) {

		/**
		 * Wraps a value.
		 * @param value the value
		 * @return it, as written by {@code toString()}
		 */
		public static Value of(Object value) {
			return new Value(value.toString());
		}

	}

}
