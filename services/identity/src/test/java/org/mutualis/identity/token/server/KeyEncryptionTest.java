package org.mutualis.identity.token.server;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyEncryptionTest {

	private static final byte[] OLD = "ancienne-cle-de-chiffrement-32oc".getBytes(StandardCharsets.UTF_8);

	private static final byte[] NEW = "nouvelle-cle-de-chiffrement-32oc".getBytes(StandardCharsets.UTF_8);

	@Test
	void sealsWithoutShowingTheSecretAndOpensItAgain() {
		KeyEncryption encryption = new KeyEncryption(OLD, List.of());
		String sealed = encryption.seal("kid-1", "{\"d\":\"secret\"}");
		assertThat(sealed).doesNotContain("secret").startsWith(encryption.currentFingerprint() + ".");
		assertThat(encryption.open("kid-1", sealed)).isEqualTo("{\"d\":\"secret\"}");
	}

	@Test
	void aPreviousKeyStillOpensWhatItSealedAndTheCurrentOneSealsAgain() {
		String sealed = new KeyEncryption(OLD, List.of()).seal("kid-1", "private");
		KeyEncryption rotated = new KeyEncryption(NEW, List.of(OLD));
		assertThat(rotated.sealedWithCurrent(sealed)).isFalse();
		assertThat(rotated.open("kid-1", sealed)).isEqualTo("private");
		assertThat(rotated.sealedWithCurrent(rotated.seal("kid-1", "private"))).isTrue();
	}

	@Test
	void refusesAMissingKeyAnAlteredValueAndAValueMovedToAnotherKeyId() {
		String sealed = new KeyEncryption(OLD, List.of()).seal("kid-1", "private");
		assertThatThrownBy(() -> new KeyEncryption(NEW, List.of()).open("kid-1", sealed))
			.hasMessageContaining("not configured");
		KeyEncryption encryption = new KeyEncryption(OLD, List.of());
		String altered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
		assertThatThrownBy(() -> encryption.open("kid-1", altered)).hasMessageContaining("cannot be decrypted");
		assertThatThrownBy(() -> encryption.open("kid-2", sealed)).hasMessageContaining("cannot be decrypted");
		assertThatThrownBy(() -> new KeyEncryption("short".getBytes(StandardCharsets.UTF_8), List.of()))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
