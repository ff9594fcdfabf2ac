package org.mutualis.identity.mail;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.mutualis.identity.IdentityProperties;
import org.mutualis.identity.common.Language;
import org.mutualis.identity.membership.Invitation;
import org.mutualis.identity.membership.InvitationNotices;
import org.mutualis.identity.organisation.MembershipRole;
import org.mutualis.identity.organisation.RegistrationNotices;
import org.mutualis.identity.person.EmailVerificationNotices;
import org.mutualis.identity.person.PasswordResetNotices;
import org.mutualis.identity.person.Person;
import org.mutualis.platform.mail.MailLayout;
import org.mutualis.platform.mail.MailQueue;
import org.mutualis.platform.mail.OutgoingMail;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Writes the e-mails that prove identity — address confirmation (also of a new address), password reset,
 * invitation, "someone registered with your address", "your account now uses another address" — in the recipient's language with the platform's layout, and
 * puts them in the platform's stored mail queue: the request only writes them, the sending job sends them and
 * retries a failed send, so neither a slow or absent mail server nor whether a message goes at all shows in the
 * answer. Every other e-mail (an organisation approved or rejected, …) is notifications'.
 */
@Component
class MailNotices implements InvitationNotices, PasswordResetNotices, RegistrationNotices, EmailVerificationNotices {

	private final MailQueue queue;

	private final MailLayout layout;

	private final MessageSource messages;

	private final String publicUrl;

	MailNotices(MailQueue queue, MailLayout layout, MessageSource messages, IdentityProperties identity) {
		this.queue = queue;
		this.layout = layout;
		this.messages = messages;
		this.publicUrl = identity.publicUrl().toString();
	}

	@Override
	public void invited(Invitation invitation, String secret, String organisationName, Language language) {
		String role = this.messages.getMessage(
				(invitation.role() == MembershipRole.MANAGER) ? "mail.role.manager" : "mail.role.member", null,
				language.locale());
		send(invitation.email(), language, "invitation", link("/auth/invitation", secret), organisationName, role);
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
	public void emailChanged(Person person, String formerAddress) {
		send(formerAddress, person.preferredLanguage(), "email-changed", null, person.displayName(), person.email());
	}

	@Override
	public void registeredAgain(Person owner) {
		send(owner.email(), owner.preferredLanguage(), "registered-again",
				UriComponentsBuilder.fromUriString(this.publicUrl).path("/auth/forgot-password").build().toUriString(),
				owner.displayName());
	}

	private String link(String path, String secret) {
		return UriComponentsBuilder.fromUriString(this.publicUrl).path(path).queryParam("token", secret).build().toUriString();
	}

	private void send(String to, Language language, String kind, @Nullable String action, Object... arguments) {
		// each link is a new secret, so each message is new: a random id
		this.queue.enqueue(OutgoingMail.of(UUID.randomUUID().toString(), to,
				this.layout.write(this.messages, kind, language.locale(), action, null, arguments)));
	}

}
