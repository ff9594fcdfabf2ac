package org.mutualis.notifications.inbox.application;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.mutualis.notifications.directory.Languages;
import org.mutualis.notifications.inbox.Addressee;
import org.mutualis.notifications.inbox.Notice;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders a notice in one person's language from the message bundles ({@code notice.<kind>.title} and
 * {@code .body}); times are told in the listing's own time zone, named after them. Arguments: {@code {0}} the listing's
 * title, {@code {1}}/{@code {2}} start and end, {@code {3}} the other organisation, {@code {4}} the time zone,
 * {@code {5}} the reason ({@code report-reason.<code>}).
 */
@Component
public class Rendering {

	private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' H 'h' mm",
			Locale.CANADA_FRENCH);

	private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy 'at' h:mm a",
			Locale.ENGLISH);

	private final MessageSource messages;

	Rendering(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * The locale of a language.
	 * @param language {@code fr} or {@code en}
	 * @return French (Canada) or English
	 */
	public static Locale locale(String language) {
		return Languages.ENGLISH.equals(language) ? Locale.ENGLISH : Locale.CANADA_FRENCH;
	}

	/**
	 * Renders a notice for one addressee.
	 * @param notice the notice
	 * @param addressee who reads it
	 * @param language their language
	 * @return title and body
	 */
	public Rendered render(Notice notice, Addressee addressee, String language) {
		Locale locale = locale(language);
		String zone = (notice.timeZone() != null) ? notice.timeZone().getDisplayName(TextStyle.FULL, locale) : "";
		Object[] arguments = { notice.listingTitle(language), time(notice.localStart(), language),
				time(notice.localEnd(), language), (addressee.counterpart() != null) ? addressee.counterpart() : "", zone,
				(notice.reason() != null) ? reason(notice.reason(), locale) : "" };
		String title = text("notice." + notice.kind() + ".title", locale, arguments);
		String body = text("notice." + notice.kind() + ".body", locale, arguments);
		if (notice.text() != null && !notice.text().isBlank()) {
			body = body + "\n" + text("notice.their-words", locale, notice.text().strip());
		}
		return new Rendered(title, body);
	}

	/**
	 * A text of the bundles.
	 * @param key message key
	 * @param locale language
	 * @param arguments message arguments
	 * @return the text
	 */
	public String text(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

	private String reason(String code, Locale locale) {
		// a reason added to the contract later reads as its code until it has a text here
		return this.messages.getMessage("report-reason." + code, null, code, locale);
	}

	private static String time(@Nullable LocalDateTime time, String language) {
		if (time == null) {
			return "";
		}
		return (Languages.ENGLISH.equals(language) ? ENGLISH : FRENCH).format(time);
	}

	/**
	 * A notice rendered for one person.
	 * @param title one line
	 * @param body a few sentences
	 */
	public record Rendered(String title, String body) {
	}

}
