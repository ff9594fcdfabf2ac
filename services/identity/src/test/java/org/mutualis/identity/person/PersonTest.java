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

}
