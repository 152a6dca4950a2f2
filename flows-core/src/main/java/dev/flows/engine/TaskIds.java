package dev.flows.engine;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Task ids: 128 random bits from {@link SecureRandom}, URL-safe Base64 without padding
 * (22 characters). Unguessable, so an id alone never leads to someone else's task.
 */
public final class TaskIds {

	private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{22}");

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
		return id != null && WELL_FORMED.matcher(id).matches();
	}

}
