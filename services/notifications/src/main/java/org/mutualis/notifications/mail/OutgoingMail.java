package org.mutualis.notifications.mail;

import org.jspecify.annotations.Nullable;

/**
 * One e-mail to send, already rendered in its recipient's language.
 *
 * @param id stable id (the notification's): a second enqueue of the same id is ignored, so that no e-mail goes twice
 * @param to the recipient's address
 * @param language {@code fr} or {@code en} ({@code Content-Language})
 * @param subject the subject line
 * @param text the plain-text body
 * @param html the HTML body
 * @param unsubscribeUrl the one-click unsubscribe address ({@code List-Unsubscribe}, RFC 8058)
 * @param digest whether it waits for the person's daily digest instead of going at once (held in the platform queue)
 * @param batchKey messages with the same key are batched: while one is waiting, another is not queued (e.g. the
 * messages of one conversation to one person); {@code null} for none
 */
public record OutgoingMail(String id, String to, String language, String subject, String text, String html,
		String unsubscribeUrl, boolean digest, @Nullable String batchKey) {
}
