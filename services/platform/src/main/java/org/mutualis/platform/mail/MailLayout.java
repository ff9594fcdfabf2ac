package org.mutualis.platform.mail;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.util.HtmlUtils;

/**
 * The one layout of every e-mail of Mutualis, in French (Québec) or English: the subject as title, paragraphs, an optional action
 * button with its link spelled out, the signature, and an unsubscribe link when there is one; written as HTML (styles
 * inline, as mail clients require) and as plain text. A service writes its messages from its own bundle with
 * {@link #write}: keys {@code mail.<kind>.subject}, {@code mail.<kind>.body} (paragraphs separated by {@code \n}) and,
 * with an action, {@code mail.<kind>.action}.
 */
public final class MailLayout {

	private final MessageSource layoutTexts;

	/** Creates the layout with its own French and English texts. */
	public MailLayout() {
		ResourceBundleMessageSource texts = new ResourceBundleMessageSource();
		texts.setBasename("org/mutualis/platform/mail/layout");
		texts.setDefaultEncoding(StandardCharsets.UTF_8.name());
		texts.setFallbackToSystemLocale(false);
		this.layoutTexts = texts;
	}

	/**
	 * Writes a message of a service from its message bundle.
	 * @param messages the service's messages
	 * @param kind the message's name in the keys ({@code mail.<kind>.*})
	 * @param locale the recipient's language
	 * @param action the link of the action button, if the message has one
	 * @param unsubscribeUrl where the recipient stops these e-mails, if they can
	 * @param arguments arguments of the subject, body and action label
	 * @return the message
	 */
	public MailContent write(MessageSource messages, String kind, Locale locale, @Nullable String action,
			@Nullable String unsubscribeUrl, Object... arguments) {
		String subject = messages.getMessage("mail." + kind + ".subject", arguments, locale);
		List<String> paragraphs = List.of(messages.getMessage("mail." + kind + ".body", arguments, locale).split("\\n"));
		String actionLabel = (action != null) ? messages.getMessage("mail." + kind + ".action", arguments, locale) : null;
		return layout(locale, subject, paragraphs, action, actionLabel, unsubscribeUrl);
	}

	/**
	 * Lays out a written message.
	 * @param locale the recipient's language
	 * @param subject the subject, also the title
	 * @param paragraphs the paragraphs, plain text
	 * @param action the link of the action button, if any
	 * @param actionLabel the button's label (required with an action)
	 * @param unsubscribeUrl where the recipient stops these e-mails, if they can
	 * @return the message as subject, text and HTML
	 */
	public MailContent layout(Locale locale, String subject, List<String> paragraphs, @Nullable String action,
			@Nullable String actionLabel, @Nullable String unsubscribeUrl) {
		String language = languageOf(locale);
		String signature = text("mail.layout.signature", locale);
		String automatic = text("mail.layout.automatic", locale);
		StringBuilder text = new StringBuilder(subject).append("\n\n");
		StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"")
			.append(language.equals("en") ? "en" : "fr-CA")
			.append("\"><head><meta charset=\"utf-8\"><title>")
			.append(escape(subject))
			.append("</title></head><body style=\"font-family: Arial, sans-serif; color: #1b1b1b; max-width: 36rem;\">")
			.append("<h1 style=\"font-size: 1.3rem;\">")
			.append(escape(subject))
			.append("</h1>");
		for (String paragraph : paragraphs) {
			text.append(paragraph).append("\n\n");
			html.append("<p>").append(escape(paragraph)).append("</p>");
		}
		if (action != null) {
			String label = (actionLabel != null) ? actionLabel : action;
			text.append(label).append(colon(language)).append(action).append("\n\n");
			html.append("<p><a href=\"")
				.append(escape(action))
				.append("\" style=\"display: inline-block; padding: .6rem 1.2rem; background: #0b5d3b; color: #ffffff; "
						+ "text-decoration: none; border-radius: 4px;\">")
				.append(escape(label))
				.append("</a></p><p style=\"font-size: .85rem; color: #555;\">")
				.append(escape(text("mail.layout.link-hint", locale)))
				.append("<br>")
				.append(escape(action))
				.append("</p>");
		}
		text.append(signature).append('\n').append("--\n").append(automatic).append('\n');
		html.append("<p style=\"margin-top: 2rem; color: #555;\">")
			.append(escape(signature))
			.append("</p><p style=\"font-size: .8rem; color: #555;\">")
			.append(escape(automatic));
		if (unsubscribeUrl != null) {
			String unsubscribe = text("mail.layout.unsubscribe", locale);
			text.append(unsubscribe).append(colon(language)).append(unsubscribeUrl).append('\n');
			html.append("<br><a href=\"").append(escape(unsubscribeUrl)).append("\">").append(escape(unsubscribe)).append("</a>");
		}
		html.append("</p></body></html>");
		return new MailContent(language, subject, text.toString(), html.toString());
	}

	/**
	 * The language code of a locale, as e-mails carry it.
	 * @param locale a locale
	 * @return {@code en} for English, otherwise {@code fr}
	 */
	public static String languageOf(Locale locale) {
		return "en".equals(locale.getLanguage()) ? "en" : "fr";
	}

	private static String colon(String language) {
		// French typography puts a space before the colon
		return language.equals("en") ? ": " : " : ";
	}

	private String text(String key, Locale locale) {
		return this.layoutTexts.getMessage(key, null, locale);
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
	}

}
