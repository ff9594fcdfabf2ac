package org.mutualis.platform.mail;

import org.jspecify.annotations.Nullable;

/**
 * One e-mail to send, already written in its recipient's language.
 *
 * @param id stable id: a second enqueue of the same id is ignored, so that no e-mail goes twice
 * @param to the recipient's address
 * @param language {@code fr} or {@code en} ({@code Content-Language})
 * @param subject the subject line
 * @param text the plain-text body
 * @param html the HTML body
 * @param unsubscribeUrl the one-click unsubscribe address ({@code List-Unsubscribe}, RFC 8058); {@code null} for
 * e-mails one cannot unsubscribe from (an address confirmation, a password reset)
 * @param held whether it waits to be folded into another message ({@link MailQueue#fold}, e.g. a daily digest)
 * instead of going at once
 * @param batchKey while a message with this key waits, another with the same key is not queued (e.g. the messages
 * of one conversation to one person); {@code null} for none
 */
public record OutgoingMail(String id, String to, String language, String subject, String text, String html,
		@Nullable String unsubscribeUrl, boolean held, @Nullable String batchKey) {

	/**
	 * An e-mail that goes at once, without unsubscribe link or batching.
	 * @param id stable id
	 * @param to recipient
	 * @param content the written message
	 * @return the e-mail
	 */
	public static OutgoingMail of(String id, String to, MailContent content) {
		return new OutgoingMail(id, to, content.language(), content.subject(), content.text(), content.html(), null,
				false, null);
	}

}
