package dev.flows.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random secrets and their digests for binders. A store only ever sees digests, so a
 * leaked row cannot be replayed as a binding.
 */
final class Secrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	// Looking SHA-256 up among the security providers costs more than hashing a
	// binding; a copy of one found once costs less. Clones of the JDK's are supported.
	private static final MessageDigest SHA_256 = sha256();

	private Secrets() {
	}

	static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String digest(String value) {
		byte[] hash = newSha256().digest(value.getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(hash);
	}

	private static MessageDigest newSha256() {
		try {
			return (MessageDigest) SHA_256.clone();
		}
		catch (CloneNotSupportedException ex) {
			return sha256();
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	/**
	 * Compares in constant time, so timing says nothing about how much of a binding
	 * matched.
	 */
	static boolean equal(String expected, String actual) {
		if (expected == null || actual == null) {
			return false;
		}
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				actual.getBytes(StandardCharsets.UTF_8));
	}

}
