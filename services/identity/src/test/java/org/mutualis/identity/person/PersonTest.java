package org.mutualis.identity.person;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.mutualis.identity.common.Language;
import org.mutualis.identity.person.application.PasswordReset;
import org.mutualis.platform.problem.Refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonTest {

	private static final Instant NOW = Instant.parse("2026-03-02T14:05:00Z");

	private Person person() {
		return Person.register("p-1", " Gestion@LaRuche.demo ", "Gestion", Language.fr, "{bcrypt}hash", NOW);
	}

	@Test
	void registrationNormalisesTheAddressAndRecordsAnEventWithoutSecrets() {
		Person person = person();
		assertThat(person.email()).isEqualTo("Gestion@LaRuche.demo");
		assertThat(person.normalizedEmail()).isEqualTo("gestion@laruche.demo");
		assertThat(person.pendingEvents())
			.containsExactly(new PersonRegistered("p-1", "Gestion@LaRuche.demo", "Gestion", Language.fr, NOW));
	}

	@Test
	void resetLinkWorksOnce() {
		Person person = person();
		person.startPasswordReset("secret-hash", NOW.plus(PasswordReset.VALIDITY));
		person.resetPassword("secret-hash", "{bcrypt}new", NOW.plusSeconds(60));
		assertThat(person.passwordHash()).isEqualTo("{bcrypt}new");
		assertThatThrownBy(() -> person.resetPassword("secret-hash", "{bcrypt}again", NOW.plusSeconds(90)))
			.isInstanceOf(Refusal.class);
	}

	@Test
	void expiredResetLinkIsRefused() {
		Person person = person();
		person.startPasswordReset("secret-hash", NOW.plus(PasswordReset.VALIDITY));
		assertThatThrownBy(() -> person.resetPassword("secret-hash", "{bcrypt}new", NOW.plus(Duration.ofMinutes(61))))
			.isInstanceOf(Refusal.class)
			.extracting((ex) -> ((Refusal) ex).type())
			.isEqualTo("reset-link-invalid");
	}

	@Test
	void passwordPolicyRefusesShortAndCommonPasswords() {
		PasswordPolicy policy = PasswordPolicy.standard();
		assertThatThrownBy(() -> policy.check("court-11car")).isInstanceOf(Refusal.class)
			.extracting((ex) -> ((Refusal) ex).type())
			.isEqualTo("password-too-short");
		assertThatThrownBy(() -> policy.check("Password1234")).isInstanceOf(Refusal.class)
			.extracting((ex) -> ((Refusal) ex).type())
			.isEqualTo("password-too-common");
		policy.check("Mutualis-Demo-2026");
	}


	private Person stored() {
		Person person = person();
		person.confirmEmail();
		person.stored(0);
		return person;
	}

	@Test
	void profileChangeRecordsNameAndLanguageOnlyWhenSomethingChanged() {
		Person person = stored();
		person.changeProfile(" Marie Tremblay ", Language.en, NOW);
		assertThat(person.displayName()).isEqualTo("Marie Tremblay");
		assertThat(person.preferredLanguage()).isEqualTo(Language.en);
		assertThat(person.pendingEvents())
			.containsExactly(new PersonProfileChanged("p-1", "Marie Tremblay", Language.en, NOW));
		Person again = stored();
		again.changeProfile("Gestion", Language.fr, NOW);
		assertThat(again.pendingEvents()).isEmpty();
		assertThatThrownBy(() -> again.changeProfile("  ", Language.fr, NOW)).isInstanceOf(Refusal.class)
			.extracting((ex) -> ((Refusal) ex).type())
			.isEqualTo("display-name-required");
	}

	@Test
	void newAddressReplacesTheOldOnlyOnceItsLinkIsUsed() {
		Person person = stored();
		person.startEmailChange("marie@ailleurs.test", "change-hash", NOW.plus(Person.VERIFICATION_VALIDITY));
		assertThat(person.email()).isEqualTo("Gestion@LaRuche.demo");
		assertThat(person.pendingEmail()).isEqualTo("marie@ailleurs.test");
		// a password reset proves the old address and leaves the pending change alone
		person.startPasswordReset("reset-hash", NOW.plus(PasswordReset.VALIDITY));
		person.resetPassword("reset-hash", "{bcrypt}new", NOW.plusSeconds(30));
		assertThatThrownBy(() -> person.verifyEmail("wrong-hash", NOW.plusSeconds(60))).isInstanceOf(Refusal.class);
		person.verifyEmail("change-hash", NOW.plusSeconds(60));
		assertThat(person.email()).isEqualTo("marie@ailleurs.test");
		assertThat(person.normalizedEmail()).isEqualTo("marie@ailleurs.test");
		assertThat(person.pendingEmail()).isNull();
		assertThat(person.pendingEvents()).contains(new PersonEmailChanged("p-1", "marie@ailleurs.test", NOW.plusSeconds(60)));
		assertThatThrownBy(() -> person.verifyEmail("change-hash", NOW.plusSeconds(90))).isInstanceOf(Refusal.class);
	}

	@Test
	void sameOrInvalidNewAddressIsRefusedNamingTheField() {
		Person person = stored();
		assertThatThrownBy(() -> person.startEmailChange(" GESTION@laruche.demo", "h", NOW)).isInstanceOf(Refusal.class)
			.extracting((ex) -> ((Refusal) ex).fields().get(0).field())
			.isEqualTo("email");
		assertThatThrownBy(() -> person.startEmailChange("pas-une-adresse", "h", NOW)).isInstanceOf(Refusal.class)
			.extracting((ex) -> ((Refusal) ex).type())
			.isEqualTo("invalid-email");
	}

	@Test
	void administrationGrantedAndRevokedAreRecordedOnce() {
		Person person = stored();
		person.grantAdministration(NOW);
		person.grantAdministration(NOW.plusSeconds(1));
		assertThat(person.admin()).isTrue();
		person.revokeAdministration(NOW.plusSeconds(2));
		person.revokeAdministration(NOW.plusSeconds(3));
		assertThat(person.admin()).isFalse();
		assertThat(person.pendingEvents()).containsExactly(new AdministratorGranted("p-1", NOW),
				new AdministratorRevoked("p-1", NOW.plusSeconds(2)));
	}

}
