package org.mutualis.platform.mail;

/**
 * A message written in one language, as its subject, plain text and HTML.
 *
 * @param language {@code fr} or {@code en}
 * @param subject the subject line
 * @param text the plain-text body
 * @param html the HTML body
 */
public record MailContent(String language, String subject, String text, String html) {
}
