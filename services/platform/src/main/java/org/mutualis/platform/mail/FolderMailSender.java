package org.mutualis.platform.mail;

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
				try (OutputStream out = Files.newOutputStream(this.folder.resolve(name))) {
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
