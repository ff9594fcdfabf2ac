package org.mutualis.identity.person;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.mutualis.identity.common.Emails;
import org.mutualis.identity.common.Language;
import org.mutualis.identity.common.Texts;
import org.mutualis.platform.aggregate.AggregateRoot;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.problem.Refusal.Reason;

/**
 * A person with an account: who they are, how they sign in, whether they proved their e-mail address, and their
 * pending confirmation and password reset. Only hashes of the password and of the reset secret are kept.
 */
public final class Person extends AggregateRoot<PersonEvent> {

	private final String id;

	private String email;

	private @Nullable String pendingEmail;

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
		this.pendingEmail = state.pendingEmail();
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
		String name = cleanDisplayName(displayName);
		Person person = new Person(new PersonState(id, address, Emails.normalize(address), name,
				preferredLanguage, passwordHash, false, false, null, null, null, null, null, now, null), NEW);
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
				this.resetExpiresAt, this.passwordChangedAt, this.registeredAt, this.pendingEmail);
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
		String newAddress = this.pendingEmail;
		if (newAddress != null) {
			this.email = newAddress;
			this.pendingEmail = null;
			record(new PersonEmailChanged(this.id, newAddress, now));
		}
		this.emailVerified = true;
		this.verificationTokenHash = null;
		this.verificationExpiresAt = null;
	}

	/**
	 * Records that the person proved they receive mail at their address some other way (a link of an invitation or
	 * a password reset, or seeded demo data).
	 */
	public void confirmEmail() {
		this.emailVerified = true;
		if (this.pendingEmail == null) {
			// a pending change of address keeps its link: this proof is of the current address only
			this.verificationTokenHash = null;
			this.verificationExpiresAt = null;
		}
	}

	/**
	 * Starts a change of e-mail address, replacing any earlier pending one: the address changes only when the link
	 * e-mailed to the new address is used ({@link #verifyEmail}). Preconditions: the address is valid and differs
	 * from the current one.
	 * @param newEmail the new address
	 * @param secretHash hash of the secret e-mailed to the new address
	 * @param expiresAt when the link stops working
	 */
	public void startEmailChange(String newEmail, String secretHash, Instant expiresAt) {
		String address = Emails.requireValid(newEmail, "email");
		if (Emails.normalize(address).equals(normalizedEmail())) {
			throw Refusal.invalidField("email-unchanged", "email");
		}
		this.pendingEmail = address;
		this.verificationTokenHash = secretHash;
		this.verificationExpiresAt = expiresAt;
	}

	/**
	 * Changes the name shown to others and the language written to the person; records the change only when there is
	 * one. Precondition: the name is not blank once cleaned ({@link #cleanDisplayName}).
	 * @param displayName the new name
	 * @param language the new preferred language
	 * @param now the current time
	 */
	public void changeProfile(String displayName, Language language, Instant now) {
		String name = cleanDisplayName(displayName);
		if (name.equals(this.displayName) && language == this.preferredLanguage) {
			return;
		}
		this.displayName = name;
		this.preferredLanguage = language;
		record(new PersonProfileChanged(this.id, name, language, now));
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
		this.displayName = cleanDisplayName(displayName);
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

	/**
	 * Makes this person an administrator of the platform; nothing happens if they are one already.
	 * @param now the current time
	 */
	public void grantAdministration(Instant now) {
		if (!this.admin) {
			this.admin = true;
			record(new AdministratorGranted(this.id, now));
		}
	}

	/**
	 * Ends this person's administration of the platform; nothing happens if they are not an administrator.
	 * @param now the current time
	 */
	public void revokeAdministration(Instant now) {
		if (this.admin) {
			this.admin = false;
			record(new AdministratorRevoked(this.id, now));
		}
	}

	/**
	 * A name as others will see it: without line breaks, control or direction characters ({@link Texts}).
	 * @param displayName the name as given
	 * @return the cleaned name
	 * @throws Refusal {@code display-name-required} when nothing visible is left of it
	 */
	public static String cleanDisplayName(String displayName) {
		return Texts.requireOneLine(displayName, "display-name-required", "displayName");
	}

	@Override
	public String id() {
		return this.id;
	}

	/** @return the e-mail address as registered */
	public String email() {
		return this.email;
	}

	/** @return the address the person asked to change to and has not proven yet, if any */
	public @Nullable String pendingEmail() {
		return this.pendingEmail;
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
