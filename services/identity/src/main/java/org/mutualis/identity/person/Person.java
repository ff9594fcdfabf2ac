package org.mutualis.identity.person;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.mutualis.identity.common.Emails;
import org.mutualis.identity.common.Language;
import org.mutualis.platform.aggregate.AggregateRoot;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.problem.Refusal.Reason;

/**
 * A person with an account: who they are, how they sign in, whether they proved their e-mail address, and their
 * pending confirmation and password reset. Only hashes of the password and of the reset secret are kept.
 */
public final class Person extends AggregateRoot<PersonEvent> {

	private final String id;

	private final String email;

	private String displayName;

	private Language preferredLanguage;

	private String passwordHash;

	private boolean admin;

	private boolean emailVerified;

	private @Nullable String verificationTokenHash;

	private @Nullable Instant verificationExpiresAt;

	private @Nullable String resetTokenHash;

	private @Nullable Instant resetExpiresAt;

	private @Nullable Instant passwordChangedAt;

	private final Instant registeredAt;

	private Person(PersonState state, long version) {
		super(version);
		this.id = state.id();
		this.email = state.email();
		this.displayName = state.displayName();
		this.preferredLanguage = state.preferredLanguage();
		this.passwordHash = state.passwordHash();
		this.admin = state.admin();
		this.emailVerified = state.emailVerified();
		this.verificationTokenHash = state.verificationTokenHash();
		this.verificationExpiresAt = state.verificationExpiresAt();
		this.resetTokenHash = state.resetTokenHash();
		this.resetExpiresAt = state.resetExpiresAt();
		this.passwordChangedAt = state.passwordChangedAt();
		this.registeredAt = state.registeredAt();
	}

	/** How long a link that confirms an e-mail address works. */
	public static final Duration VERIFICATION_VALIDITY = Duration.ofDays(2);

	/**
	 * Registers a person, whose address is not proven yet: they cannot sign in until it is. Preconditions: the e-mail address is valid; the password hash comes from a password
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
				preferredLanguage, passwordHash, false, false, null, null, null, null, null, now), NEW);
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
				this.passwordHash, this.admin, this.emailVerified, this.verificationTokenHash, this.verificationExpiresAt,
				this.resetTokenHash,
				this.resetExpiresAt, this.passwordChangedAt, this.registeredAt);
	}

	/**
	 * Starts a confirmation of the e-mail address, replacing any earlier one.
	 * @param secretHash hash of the secret e-mailed to the person
	 * @param expiresAt when the link stops working
	 */
	public void startEmailVerification(String secretHash, Instant expiresAt) {
		this.verificationTokenHash = secretHash;
		this.verificationExpiresAt = expiresAt;
	}

	/**
	 * Confirms the e-mail address with the secret of the e-mailed link, which then stops working.
	 * Preconditions: the secret matches the pending confirmation, which has not expired.
	 * @param secretHash hash of the secret from the link
	 * @param now the current time
	 */
	public void verifyEmail(String secretHash, Instant now) {
		if (this.verificationTokenHash == null || !this.verificationTokenHash.equals(secretHash)
				|| this.verificationExpiresAt == null || !now.isBefore(this.verificationExpiresAt)) {
			throw Refusal.of(Reason.UNPROCESSABLE, "verification-link-invalid");
		}
		confirmEmail();
	}

	/**
	 * Records that the person proved they receive mail at their address some other way (a link of an invitation or
	 * a password reset, or seeded demo data).
	 */
	public void confirmEmail() {
		this.emailVerified = true;
		this.verificationTokenHash = null;
		this.verificationExpiresAt = null;
	}

	/**
	 * Hands an account whose address was never proven to whoever now proves it (with an invitation link): whoever
	 * registered it without owning the address loses it, password included. Precondition: the address is not proven.
	 * @param displayName the new owner's name
	 * @param passwordHash hash of the new owner's password, which passed the {@link PasswordPolicy}
	 */
	public void claimUnproven(String displayName, String passwordHash) {
		if (this.emailVerified) {
			throw new IllegalStateException("the address of " + this.id + " is proven");
		}
		if (displayName.isBlank()) {
			throw Refusal.invalidField("display-name-required", "displayName");
		}
		this.displayName = displayName.trim();
		this.passwordHash = passwordHash;
		this.resetTokenHash = null;
		this.resetExpiresAt = null;
		confirmEmail();
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
	 * Sets a new password with the secret of a reset link; the link then stops working, and it proved the address.
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
		this.passwordChangedAt = now;
		confirmEmail();
		record(new PersonPasswordChanged(this.id, now));
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

	/** @return whether the person proved they receive mail at their address */
	public boolean emailVerified() {
		return this.emailVerified;
	}

	/** @return hash of the pending reset secret */
	public @Nullable String resetTokenHash() {
		return this.resetTokenHash;
	}

	/** @return expiry of the pending reset */
	public @Nullable Instant resetExpiresAt() {
		return this.resetExpiresAt;
	}

	/** @return when they last chose a new password through a reset link, if ever */
	public @Nullable Instant passwordChangedAt() {
		return this.passwordChangedAt;
	}

	/** @return when they registered */
	public Instant registeredAt() {
		return this.registeredAt;
	}

}
