package org.mutualis.platform.mail;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * E-mail for a service that has Spring Mail on its class path: the {@link MailQueue} in its database, the
 * {@link MailLayout}, the sending job (run by the platform scheduler, so the service sets
 * {@code mutualis.scheduling.enabled=true}) and, with {@code mutualis.mail.mode=folder}, a sender that writes
 * {@code .eml} files instead of Boot's SMTP sender.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration",
		afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnClass({ MimeMessage.class, JavaMailSender.class })
@EnableConfigurationProperties(MailProperties.class)
public class MailAutoConfiguration {

	@Bean
	@ConditionalOnProperty(name = "mutualis.mail.mode", havingValue = "folder")
	@ConditionalOnMissingBean(JavaMailSender.class)
	JavaMailSender folderMailSender(MailProperties properties, ObjectProvider<Clock> clock,
			@Value("${spring.application.name:mutualis}") String application) {
		return new FolderMailSender(properties.folder(), application, clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	@ConditionalOnMissingBean
	MailQueue mailQueue(MongoTemplate mongo, ObjectProvider<JavaMailSender> sender, MailProperties properties,
			ObjectProvider<Clock> clock, ObjectProvider<MeterRegistry> meters) {
		return new MailQueue(mongo, sender, properties, clock.getIfAvailable(Clock::systemUTC),
				meters.getIfAvailable(SimpleMeterRegistry::new));
	}

	@Bean
	@ConditionalOnMissingBean
	MailLayout mailLayout() {
		return new MailLayout();
	}

	@Bean
	@ConditionalOnProperty(name = "mutualis.scheduling.enabled", havingValue = "true")
	MailSending mailSending(MailQueue queue, ObjectProvider<Clock> clock) {
		return new MailSending(queue, clock.getIfAvailable(Clock::systemUTC));
	}

}
