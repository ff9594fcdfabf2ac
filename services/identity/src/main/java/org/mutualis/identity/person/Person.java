package org.mutualis.identity.person;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.mutualis.identity.common.Emails;
import org.mutualis.identity.common.Language;
import org.mutualis.platform.aggregate.AggregateRoot;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.problem.Refusal.Reason;

/**
 * A person with an account: who they are, how they sign in and their pending password reset. Only hashes of the password and of the reset secret are kept.
 */
public final class Person extends AggregateRoot<PersonEvent> {

	private final String id;

	private final String email;

	private String displayName;

	private Language preferredLanguage;

	private String passwordHash;

	private boolean admin;

	private @Nullable String resetTokenHash;

	private @Nullable Instant resetExpiresAt;

	private final Instant registeredAt;

	private Person(PersonState state, long version) {
		super(version);
		this.id = state.id();
		this.email = state.email();
		this.displayName = state.displayName();
		this.preferredLanguage = state.preferredLanguage();
		this.passwordHash = state.passwordHash();
		this.admin = state.admin();
		this.resetTokenHash = state.resetTokenHash();
		this.resetExpiresAt = state.resetExpiresAt();
		this.registeredAt = state.registeredAt();
	}

	/**
	 * Registers a person. Preconditions: the e-mail address is valid; the password hash comes from a password
	 * that passed the {@link PasswordPolicy}.
	 * @param id new person id
	 * @param email e-mail address, unique on the platform regardless of case
	 * @param displayName the name shown to others
	 * @param preferredLanguage the language written to them in
	 * @param passwordHash hash of their password
	 * @param now the current time
	 * @return the person, with their registered event
	 */
	public static Person register(String id, String email, String displayName, Language preferredLanguage,
			String passwordHash, Instant now) {
		String address = Emails.requireValid(email, "email");
		if (displayName.isBlank()) {
			throw Refusal.invalidField("display-name-required", "displayName");
		}
		Person person = new Person(new PersonState(id, address, Emails.normalize(address), displayName.trim(),
				preferredLanguage, passwordHash, false, null, null, now), NEW);
		person.record(new PersonRegistered(id, address, person.displayName, preferredLanguage, now));
		return person;
	}

	/**
	 * Rebuilds a person from storage, without events.
	 * @param state the stored state
	 * @param version the stored version
	 * @return the person
	 */
	public static Person restore(PersonState state, long version) {
		return new Person(state, version);
	}

	/** @return the current state, for storage and display */
	public PersonState state() {
		return new PersonState(this.id, this.email, normalizedEmail(), this.displayName, this.preferredLanguage,
				this.passwordHash, this.admin, this.resetTokenHash,
				this.resetExpiresAt, this.registeredAt);
	}

	/**
	 * Starts a password reset, replacing any earlier one.
	 * @param secretHash hash of the secret e-mailed to the person
	 * @param expiresAt when the link stops working
	 */
	public void startPasswordReset(String secretHash, Instant expiresAt) {
		this.resetTokenHash = secretHash;
		this.resetExpiresAt = expiresAt;
	}

	/**
	 * Sets a new password with the secret of a reset link; the link then stops working.
	 * Preconditions: the secret matches the pending reset, which has not expired.
	 * @param secretHash hash of the secret from the link
	 * @param newPasswordHash hash of a password that passed the {@link PasswordPolicy}
	 * @param now the current time
	 */
	public void resetPassword(String secretHash, String newPasswordHash, Instant now) {
		if (this.resetTokenHash == null || !this.resetTokenHash.equals(secretHash) || this.resetExpiresAt == null
				|| !now.isBefore(this.resetExpiresAt)) {
			throw Refusal.of(Reason.UNPROCESSABLE, "reset-link-invalid");
		}
		this.passwordHash = newPasswordHash;
		this.resetTokenHash = null;
		this.resetExpiresAt = null;
	}

	/** Makes this person an administrator of the platform. */
	public void grantAdministration() {
		this.admin = true;
	}

	@Override
	public String id() {
		return this.id;
	}

	/** @return the e-mail address as registered */
	public String email() {
		return this.email;
	}

	/** @return the e-mail address normalised for uniqueness */
	public String normalizedEmail() {
		return Emails.normalize(this.email);
	}

	/** @return the display name */
	public String displayName() {
		return this.displayName;
	}

	/** @return the preferred language */
	public Language preferredLanguage() {
		return this.preferredLanguage;
	}

	/** @return the password hash */
	public String passwordHash() {
		return this.passwordHash;
	}

	/** @return whether they administer the platform */
	public boolean admin() {
		return this.admin;
	}

	/** @return hash of the pending reset secret */
	public @Nullable String resetTokenHash() {
		return this.resetTokenHash;
	}

	/** @return expiry of the pending reset */
	public @Nullable Instant resetExpiresAt() {
		return this.resetExpiresAt;
	}

	/** @return when they registered */
	public Instant registeredAt() {
		return this.registeredAt;
	}

}
