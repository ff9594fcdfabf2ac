package org.mutualis.identity.mail;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.mutualis.identity.IdentityProperties;
import org.mutualis.identity.common.Language;
import org.mutualis.identity.membership.Invitation;
import org.mutualis.identity.membership.InvitationNotices;
import org.mutualis.identity.organisation.Organisation;
import org.mutualis.identity.organisation.OrganisationNotices;
import org.mutualis.identity.organisation.RegistrationNotices;
import org.mutualis.identity.person.EmailVerificationNotices;
import org.mutualis.identity.person.PasswordResetNotices;
import org.mutualis.identity.person.Person;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Writes identity's e-mails (invitation, password reset, organisation approved or rejected) in the recipient's
 * language, as HTML with a plain-text alternative, after the request is answered. A failure to send is logged,
 * never fatal to the request.
 */
@Component
class MailNotices implements InvitationNotices, PasswordResetNotices, OrganisationNotices, RegistrationNotices,
		EmailVerificationNotices, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(MailNotices.class);

	private static final int QUEUE_CAPACITY = 1000;

	private final JavaMailSender sender;

	private final ITemplateEngine templates;

	private final MessageSource messages;

	private final MailProperties mail;

	private final URI publicUrl;

	private final Executor queue;

	@Autowired
	MailNotices(JavaMailSender sender, ITemplateEngine templates, MessageSource messages, MailProperties mail,
			IdentityProperties identity) {
		this(sender, templates, messages, mail, identity, newQueue());
	}

	MailNotices(JavaMailSender sender, ITemplateEngine templates, MessageSource messages, MailProperties mail,
			IdentityProperties identity, Executor queue) {
		this.queue = queue;
		this.sender = sender;
		this.templates = templates;
		this.messages = messages;
		this.mail = mail;
		this.publicUrl = identity.publicUrl();
	}

	@Override
	public void invited(Invitation invitation, String secret, String organisationName, Language language) {
		send(invitation.email(), language, "invitation", link("/auth/invitation", secret), organisationName,
				invitation.role().name().equals("MANAGER") ? text("mail.role.manager", language) : text("mail.role.member", language));
	}

	@Override
	public void resetRequested(Person person, String secret) {
		send(person.email(), person.preferredLanguage(), "reset", link("/auth/reset-password", secret),
				person.displayName());
	}

	@Override
	public void verificationRequested(Person person, String secret) {
		send(person.email(), person.preferredLanguage(), "verify", link("/auth/verify-email", secret),
				person.displayName());
	}

	@Override
	public void emailChangeRequested(Person person, String secret) {
		String address = person.pendingEmail();
		if (address != null) {
			send(address, person.preferredLanguage(), "email-change", link("/auth/verify-email", secret),
					person.displayName());
		}
	}

	@Override
	public void registeredAgain(Person owner) {
		send(owner.email(), owner.preferredLanguage(), "registered-again",
				UriComponentsBuilder.fromUri(this.publicUrl).path("/auth/forgot-password").build().toUriString(),
				owner.displayName());
	}

	@Override
	public void approved(Organisation organisation) {
		send(organisation.profile().contactEmail(), organisation.profile().preferredLanguage(), "approved",
				this.publicUrl.toString(), organisation.profile().name());
	}

	@Override
	public void rejected(Organisation organisation) {
		send(organisation.profile().contactEmail(), organisation.profile().preferredLanguage(), "rejected", null,
				organisation.profile().name(), String.valueOf(organisation.statusReason()));
	}

	private String link(String path, String secret) {
		return UriComponentsBuilder.fromUri(this.publicUrl).path(path).queryParam("token", secret).build().toUriString();
	}

	/**
	 * Queues a message: it is written and sent after the request is answered, so that neither a slow mail server
	 * nor whether a message is sent at all shows in the response time. Messages still queued when the service
	 * stops abruptly are lost (the links they carry can be asked for again).
	 */
	private void send(String to, Language language, String kind, @Nullable String action, Object... arguments) {
		try {
			this.queue.execute(() -> write(to, language, kind, action, arguments));
		}
		catch (RejectedExecutionException ex) {
			log.warn("the {} e-mail is dropped: the mail queue is full or stopping", kind);
		}
	}

	private void write(String to, Language language, String kind, @Nullable String action, Object... arguments) {
		Locale locale = language.locale();
		String subject = this.messages.getMessage("mail." + kind + ".subject", arguments, locale);
		List<String> paragraphs = List.of(this.messages.getMessage("mail." + kind + ".body", arguments, locale)
			.split("\\n"));
		String actionLabel = (action != null) ? this.messages.getMessage("mail." + kind + ".action", arguments, locale) : null;
		String signature = this.messages.getMessage("mail.signature", null, locale);
		Context context = new Context(locale);
		context.setVariable("lang", language.name());
		context.setVariable("subject", subject);
		context.setVariable("paragraphs", paragraphs);
		context.setVariable("action", action);
		context.setVariable("actionLabel", actionLabel);
		context.setVariable("signature", signature);
		String html = this.templates.process("mail/notice", context);
		StringBuilder text = new StringBuilder();
		paragraphs.forEach((paragraph) -> text.append(paragraph).append("\n\n"));
		if (action != null) {
			text.append(actionLabel).append(" : ").append(action).append("\n\n");
		}
		text.append(signature).append('\n');
		try {
			MimeMessage message = this.sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom(this.mail.from());
			helper.setTo(to);
			helper.setSubject(subject);
			helper.setText(text.toString(), html);
			message.setHeader("Content-Language", locale.toLanguageTag());
			this.sender.send(message);
		}
		catch (MessagingException | RuntimeException ex) {
			log.warn("could not send the {} e-mail: {}", kind, ex.getMessage());
		}
	}

	private static ExecutorService newQueue() {
		return new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE_CAPACITY),
				Thread.ofPlatform().name("mail-", 0).daemon(true).factory());
	}

	@Override
	public void destroy() throws InterruptedException {
		if (this.queue instanceof ExecutorService service) {
			service.shutdown();
			// what is queued gets a short chance to go out: a stop must stay quick even with the mail server away
			service.awaitTermination(5, TimeUnit.SECONDS);
		}
	}

	private String text(String key, Language language) {
		return this.messages.getMessage(key, null, language.locale());
	}

}
