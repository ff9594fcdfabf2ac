package org.mutualis.notifications.mail;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/** In {@code folder} mode, replaces the SMTP sender with one that writes {@code .eml} files. */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

	@Bean
	@ConditionalOnProperty(name = "mutualis.mail.mode", havingValue = "folder")
	JavaMailSender folderMailSender(MailProperties properties, Clock clock) {
		return new FolderMailSender(properties.folder(), clock);
	}

}
