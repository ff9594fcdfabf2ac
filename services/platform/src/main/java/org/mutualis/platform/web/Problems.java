package org.mutualis.platform.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem details whose {@code detail} speaks the caller's language and carries both French and English. */
public class Problems {

	/** Prefix of every problem type URI. */
	public static final String TYPE_PREFIX = "urn:mutualis:problem:";

	/** The two languages every message a person sees exists in. */
	public static final List<Locale> LANGUAGES = List.of(Locale.CANADA_FRENCH, Locale.ENGLISH);

	private final MessageSource messages;

	/**
	 * Creates the builder.
	 * @param messages bundles that hold the {@code problem.*} keys
	 */
	public Problems(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * Builds a problem.
	 * @param status HTTP status
	 * @param type stable short name, becomes {@code urn:mutualis:problem:<type>}
	 * @param messageKey key of the human message
	 * @param arguments message arguments
	 * @param locale the caller's language
	 * @return the problem detail, with a {@code messages} property holding the text in French and English
	 */
	public ProblemDetail build(HttpStatusCode status, String type, String messageKey, Object[] arguments, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(URI.create(TYPE_PREFIX + type));
		problem.setTitle(message("problem.title." + status.value(), new Object[0], locale));
		problem.setDetail(message(messageKey, arguments, locale));
		Map<String, String> both = new LinkedHashMap<>();
		for (Locale language : LANGUAGES) {
			both.put(language.getLanguage(), message(messageKey, arguments, language));
		}
		problem.setProperty("messages", both);
		return problem;
	}

	/**
	 * Resolves one message, falling back to the key so that a missing translation is visible, not fatal.
	 * @param key message key
	 * @param arguments message arguments
	 * @param locale language
	 * @return the text
	 */
	public String message(String key, Object[] arguments, Locale locale) {
		return this.messages.getMessage(key, arguments, key, locale);
	}

}
