package org.mutualis.notifications.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mutualis.platform.problem.Refusal;

/**
 * The rules of a message's text: plain text of 1 to {@value #MAX_LENGTH} characters (Unicode code points, so that an
 * emoji or any other character beyond the basic plane counts as one, not as the two UTF-16 units Java keeps it in),
 * without control or direction-override characters (which can disguise a link), at most three blank lines in a row; a
 * link is kept only as an {@code http(s)} address (listed apart for the page to render with
 * {@code rel="nofollow noopener"}), and any other scheme ({@code javascript:}, {@code data:}…) is defused so that no
 * client turns it into a link.
 */
public final class MessageText {

	/** Longest message, in characters (Unicode code points). */
	public static final int MAX_LENGTH = 2000;

	private static final Pattern HTTP_LINK = Pattern.compile("https?://[^\\s<>\"]+", Pattern.CASE_INSENSITIVE);

	private static final Pattern OTHER_SCHEME = Pattern
		.compile("\\b(javascript|data|vbscript|file|blob)\\s*:", Pattern.CASE_INSENSITIVE);

	private static final Pattern UNSAFE = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\u200B-\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF]");

	private MessageText() {
	}

	/**
	 * Makes a message safe.
	 * @param raw what the person typed
	 * @return the safe text and its links
	 * @throws Refusal {@code message-empty} or {@code message-too-long}
	 */
	public static Safe of(String raw) {
		String text = UNSAFE.matcher(raw.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("");
		text = text.replaceAll("\n{4,}", "\n\n\n").strip();
		if (text.isEmpty()) {
			throw Refusal.invalidField("message-empty", "text");
		}
		if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
			throw Refusal.invalidField("message-too-long", "text", MAX_LENGTH);
		}
		text = OTHER_SCHEME.matcher(text).replaceAll("$1[:]");
		List<String> links = new ArrayList<>();
		Matcher matcher = HTTP_LINK.matcher(text);
		while (matcher.find() && links.size() < 20) {
			links.add(matcher.group());
		}
		return new Safe(text, List.copyOf(links));
	}

	/**
	 * A message made safe.
	 * @param text the text
	 * @param links its http and https addresses
	 */
	public record Safe(String text, List<String> links) {
	}

}
