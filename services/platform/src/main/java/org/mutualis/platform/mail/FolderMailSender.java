package org.mutualis.platform.mail;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Folder mode: writes each message as an {@code .eml} file in a folder instead of sending it over SMTP. */
class FolderMailSender extends JavaMailSenderImpl {

	private static final int BUFFER_BYTES = 32 * 1024;

	private final Path folder;

	private final String prefix;

	private final Clock clock;

	FolderMailSender(Path folder, String prefix, Clock clock) {
		this.folder = folder;
		this.prefix = prefix;
		this.clock = clock;
	}

	@Override
	protected void doSend(MimeMessage[] mimeMessages, Object[] originalMessages) {
		Map<Object, Exception> failures = new LinkedHashMap<>();
		for (MimeMessage message : mimeMessages) {
			try {
				Files.createDirectories(this.folder);
				if (message.getSentDate() == null) {
					message.setSentDate(Date.from(this.clock.instant()));
				}
				message.saveChanges();
				String name = this.prefix + "-" + this.clock.instant().toString().replace(':', '-') + "-"
						+ UUID.randomUUID().toString().substring(0, 8) + ".eml";
				// buffered: a message writes itself a line (quoted-printable: a few bytes) at a time, and unbuffered
				// each was a system call, half of the notifications service's CPU at 100 e-mails a second
				try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(this.folder.resolve(name)),
						BUFFER_BYTES)) {
					message.writeTo(out);
				}
			}
			catch (IOException | MessagingException ex) {
				failures.put(message, ex);
			}
		}
		if (!failures.isEmpty()) {
			throw new MailSendException(failures);
		}
	}

}
