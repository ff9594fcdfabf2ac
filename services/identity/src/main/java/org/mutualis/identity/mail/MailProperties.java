package org.mutualis.identity.mail;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How identity sends e-mail.
 *
 * @param mode {@code smtp} (through {@code spring.mail.*}) or {@code folder} (each message written as an
 * {@code .eml} file, for local runs)
 * @param folder where {@code folder} mode writes
 * @param from the sender address
 */
@ConfigurationProperties("mutualis.mail")
public record MailProperties(@DefaultValue("smtp") Mode mode, @DefaultValue("./data/mail") Path folder,
		@DefaultValue("Mutualis <ne-pas-repondre@mutualis.local>") String from) {

	/** Where e-mails go. */
	public enum Mode {

		/** To an SMTP server. */
		smtp,
		/** To files in a folder. */
		folder

	}

}
