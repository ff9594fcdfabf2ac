package org.mutualis.web.organisation.web;

import java.util.List;

/**
 * A CSV document as RFC 4180 writes it (CRLF line ends; a field holding a comma, a quote or a line break quoted, its
 * quotes doubled), preceded by a byte-order mark so that a spreadsheet reads the accents as UTF-8. French amounts hold
 * a decimal comma ({@code 1 234,50 $}), so they are quoted.
 */
final class StatementCsv {

	private final StringBuilder text = new StringBuilder("\uFEFF");

	/**
	 * Adds a record.
	 * @param fields its fields, in order
	 */
	void row(List<String> fields) {
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) {
				this.text.append(',');
			}
			this.text.append(quoted(fields.get(i)));
		}
		this.text.append("\r\n");
	}

	/**
	 * A text that came from people (a title, an organisation's name): one starting with {@code = + - @} (or a tab
	 * or carriage return) would be read as a formula by a spreadsheet, so it gets a leading apostrophe.
	 * @param value the text
	 * @return the text, defused
	 */
	static String text(String value) {
		return (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
	}

	private static String quoted(String field) {
		if (field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
				|| field.indexOf('\r') >= 0) {
			return "\"" + field.replace("\"", "\"\"") + "\"";
		}
		return field;
	}

	@Override
	public String toString() {
		return this.text.toString();
	}

}
