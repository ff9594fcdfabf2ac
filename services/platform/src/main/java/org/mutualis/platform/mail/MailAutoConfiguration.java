package org.mutualis.platform.mail;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.internet.MimeMessage;

import org.jspecify.annotations.Nullable;
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
import org.springframework.util.ClassUtils;

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

	/**
	 * The system property that names Jakarta Mail's stream provider. Without it, Jakarta Mail 2.1 looks the provider
	 * up with a {@code ServiceLoader} each time it makes a message, a multipart or a body part, which scans every jar
	 * of the class path (jakartaee/mail-api#699 and #861; 40% of notifications' JFR execution samples at 100 e-mails a
	 * second, though no change in its CPU was measurable from naming it alone: infra/benchmarks/README.md, session 8).
	 * Named, it is one class lookup.
	 */
	static final String STREAM_PROVIDER_PROPERTY = "jakarta.mail.util.StreamProvider";

	/** The provider of Angus Mail, the implementation Spring Boot brings. */
	static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

	MailAutoConfiguration() {
		nameStreamProvider(MailAutoConfiguration.class.getClassLoader());
	}

	/**
	 * Names Angus Mail's stream provider, unless the property already names one or Angus Mail is not there.
	 * @param classLoader where Angus Mail is looked for
	 * @return whether the property was set here
	 */
	static boolean nameStreamProvider(@Nullable ClassLoader classLoader) {
		if (System.getProperty(STREAM_PROVIDER_PROPERTY) != null
				|| !ClassUtils.isPresent(ANGUS_STREAM_PROVIDER, classLoader)) {
			return false;
		}
		System.setProperty(STREAM_PROVIDER_PROPERTY, ANGUS_STREAM_PROVIDER);
		return true;
	}

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
