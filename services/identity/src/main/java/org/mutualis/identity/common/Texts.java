package org.mutualis.identity.common;

import java.util.regex.Pattern;

import org.mutualis.platform.problem.Refusal;

/**
 * The one rule for free text a person gives identity and others see (a person's name, an organisation's name, sector,
 * municipality and phone, the reason of a rejection or a suspension): what cannot be seen is removed, not refused. Line
 * breaks and tabs become one space ({@link #oneLine}; a reason keeps its line breaks, {@link #multiLine}); the other
 * control characters (Unicode category Cc, NUL included) and the invisible characters that reorder or hide text —
 * direction marks, embeddings, overrides and isolates (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), the
 * zero-width space (U+200B) and the byte-order mark (U+FEFF) — are removed; spaces around are trimmed. A required text
 * that nothing is left of is refused as blank. The joiners U+200C and U+200D stay: some scripts and emoji need them.
 */
public final class Texts {

	private static final Pattern LINE_BREAKS = Pattern.compile("\\r\\n|[\\r\\n\\u000B\\f\\u0085\\u2028\\u2029]");

	private static final Pattern BREAKS_AND_TABS = Pattern.compile("[\\t\\r\\n\\u000B\\f\\u0085\\u2028\\u2029]+");

	private static final Pattern INVISIBLE = Pattern
		.compile("[\\p{Cc}&&[^\\n\\t]]|[\\u061C\\u200B\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF]");

	private Texts() {
	}

	/**
	 * Cleans a text meant to be shown on one line, such as a name.
	 * @param raw the text as given
	 * @return the text without line breaks, control or direction characters, trimmed; possibly empty
	 */
	public static String oneLine(String raw) {
		return INVISIBLE.matcher(BREAKS_AND_TABS.matcher(raw).replaceAll(" ")).replaceAll("").strip();
	}

	/**
	 * Cleans a text that may span several lines, such as a reason: line breaks become {@code \n}, tabs stay.
	 * @param raw the text as given
	 * @return the text without other control or direction characters, trimmed; possibly empty
	 */
	public static String multiLine(String raw) {
		return INVISIBLE.matcher(LINE_BREAKS.matcher(raw).replaceAll("\n")).replaceAll("").strip();
	}

	/**
	 * Cleans a required one-line text and refuses it when nothing visible is left.
	 * @param raw the text as given
	 * @param type the problem type of the refusal, whose message is {@code problem.<type>}
	 * @param field the request field it came from
	 * @return the cleaned text
	 * @throws Refusal {@code type}, naming the field, when the text is blank once cleaned
	 */
	public static String requireOneLine(String raw, String type, String field) {
		String text = oneLine(raw);
		if (text.isEmpty()) {
			throw Refusal.invalidField(type, field);
		}
		return text;
	}

}
