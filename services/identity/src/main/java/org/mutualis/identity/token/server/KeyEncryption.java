package org.mutualis.identity.token.server;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts signing private keys at rest with AES-256-GCM under a key-encryption key from configuration. Each sealed
 * value names the fingerprint of the key that sealed it and is bound to its key id (additional authenticated data),
 * so a sealed key cannot be moved to another document. Previous key-encryption keys still open what they sealed,
 * until {@link SigningKeys} re-seals everything with the current one.
 */
final class KeyEncryption {

	private static final String ALGORITHM = "AES/GCM/NoPadding";

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String current;

	private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

	/**
	 * Creates the encryption.
	 * @param currentKey the key that seals, 32 bytes
	 * @param previousKeys keys that sealed earlier values, 32 bytes each
	 */
	KeyEncryption(byte[] currentKey, List<byte[]> previousKeys) {
		this.current = add(currentKey);
		previousKeys.forEach(this::add);
	}

	private String add(byte[] key) {
		if (key.length != 32) {
			throw new IllegalArgumentException("a key-encryption key has 32 bytes (AES-256), not " + key.length);
		}
		String fingerprint = fingerprint(key);
		this.keys.putIfAbsent(fingerprint, new SecretKeySpec(key.clone(), "AES"));
		return fingerprint;
	}

	/** @return the fingerprint of the key that seals now */
	String currentFingerprint() {
		return this.current;
	}

	/**
	 * Seals a secret.
	 * @param keyId the id of the signing key it belongs to
	 * @param secret the secret
	 * @return the sealed value, {@code fingerprint.base64(iv | ciphertext | tag)}
	 */
	String seal(String keyId, String secret) {
		try {
			byte[] iv = new byte[IV_BYTES];
			RANDOM.nextBytes(iv);
			Cipher cipher = Cipher.getInstance(ALGORITHM);
			cipher.init(Cipher.ENCRYPT_MODE, this.keys.get(this.current), new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[iv.length + sealed.length];
			System.arraycopy(iv, 0, out, 0, iv.length);
			System.arraycopy(sealed, 0, out, iv.length, sealed.length);
			return this.current + "." + Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot encrypt signing key " + keyId, ex);
		}
	}

	/**
	 * Opens a sealed secret.
	 * @param keyId the id of the signing key it belongs to
	 * @param sealed the sealed value
	 * @return the secret
	 * @throws IllegalStateException when no configured key sealed it, or it was altered
	 */
	String open(String keyId, String sealed) {
		int dot = sealed.indexOf('.');
		SecretKeySpec key = (dot > 0) ? this.keys.get(sealed.substring(0, dot)) : null;
		if (key == null) {
			throw new IllegalStateException("signing key " + keyId
					+ " was encrypted with a key-encryption key that is not configured (current or previous)");
		}
		try {
			byte[] in = Base64.getDecoder().decode(sealed.substring(dot + 1));
			Cipher cipher = Cipher.getInstance(ALGORITHM);
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
			cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
			return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("signing key " + keyId + " cannot be decrypted (altered or wrong key)", ex);
		}
	}

	/**
	 * Tells whether a value is sealed with the current key.
	 * @param sealed the sealed value
	 * @return whether re-sealing would change nothing
	 */
	boolean sealedWithCurrent(String sealed) {
		return sealed.startsWith(this.current + ".");
	}

	static List<byte[]> decodeAll(List<String> encoded) {
		List<byte[]> keys = new ArrayList<>();
		encoded.stream().filter((value) -> !value.isBlank()).forEach((value) -> keys.add(Base64.getDecoder().decode(value.trim())));
		return keys;
	}

	private static String fingerprint(byte[] key) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
