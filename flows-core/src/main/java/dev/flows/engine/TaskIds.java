package dev.flows.engine;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Task ids: 128 random bits from {@link SecureRandom}, URL-safe Base64 without padding
 * (22 characters). Unguessable, so an id alone never leads to someone else's task.
 */
public final class TaskIds {

	private static final int LENGTH = 22;

	private static final SecureRandom RANDOM = new SecureRandom();

	private TaskIds() {
	}

	/** A new random id. */
	public static String newId() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * Whether {@code id} has the form of a task id; says nothing of whether it exists.
	 */
	public static boolean isWellFormed(String id) {
		// Checked on every flow request: a loop over 22 characters, not a regex.
		if (id == null || id.length() != LENGTH) {
			return false;
		}
		for (int i = 0; i < LENGTH; i++) {
			if (!isUrlSafeBase64(id.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private static boolean isUrlSafeBase64(char c) {
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
	}

}
