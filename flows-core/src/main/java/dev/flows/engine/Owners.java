package dev.flows.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.Base64;

/**
 * Who a task belongs to, as stored: a digest of the user name rather than the name
 * itself, so a task store holds no user names.
 */
final class Owners {

	static final String ANONYMOUS = "";

	private Owners() {
	}

	static String of(Principal principal) {
		if (principal == null || principal.getName() == null) {
			return ANONYMOUS;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(("user:" + principal.getName()).getBytes(StandardCharsets.UTF_8));
			return "u:" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

}
