package org.mutualis.identity.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.mutualis.identity.IdentityProperties;
import org.mutualis.identity.common.Language;
import org.mutualis.identity.person.Person;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * E-mails leave after the request has been answered: a slow mail server does not delay the answer, so the time of
 * a password-reset request does not tell whether the address has an account.
 */
class MailAfterResponseTest {

	@Test
	void aSlowMailServerDoesNotDelayTheRequest() throws Exception {
		CountDownLatch serverAnswers = new CountDownLatch(1);
		AtomicInteger sent = new AtomicInteger();
		JavaMailSenderImpl slowServer = new JavaMailSenderImpl() {
			@Override
			protected void doSend(MimeMessage[] messages, Object[] originals) {
				try {
					serverAnswers.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				sent.addAndGet(messages.length);
			}
		};
		ExecutorService queue = Executors.newSingleThreadExecutor();
		try {
			MailNotices notices = new MailNotices(slowServer, templates(), messages(),
					new MailProperties(MailProperties.Mode.smtp, java.nio.file.Path.of("unused"), "Mutualis <test@mutualis.test>"),
					Binder.get(new org.springframework.core.env.StandardEnvironment())
						.bindOrCreate("mutualis.identity", IdentityProperties.class),
					queue);
			Person person = Person.register("p-1", "lent@mail.test", "Lent", Language.fr, "{noop}x", Instant.now());
			assertTimeoutPreemptively(Duration.ofSeconds(2), () -> notices.resetRequested(person, "secret"));
			assertThat(sent).hasValue(0);
			serverAnswers.countDown();
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sent).hasValue(1));
		}
		finally {
			serverAnswers.countDown();
			queue.shutdownNow();
		}
	}

	private static SpringTemplateEngine templates() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		return engine;
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
