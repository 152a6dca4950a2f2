package dev.flows.definition;

import java.util.regex.Pattern;

/**
 * Derives node names and titles from class names.
 */
final class Names {

	static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

	private Names() {
	}

	/** {@code LoginOrRegister} becomes {@code login-or-register}. */
	static String kebab(Class<?> type) {
		String simple = type.getSimpleName();
		StringBuilder name = new StringBuilder();
		for (int i = 0; i < simple.length(); i++) {
			char c = simple.charAt(i);
			if (Character.isUpperCase(c)) {
				boolean wordStart = i > 0 && (Character.isLowerCase(simple.charAt(i - 1))
						|| (i + 1 < simple.length() && Character.isLowerCase(simple.charAt(i + 1))));
				if (wordStart) {
					name.append('-');
				}
				name.append(Character.toLowerCase(c));
			}
			else {
				name.append(c);
			}
		}
		return name.toString();
	}

	/** {@code LoginOrRegister} becomes {@code Login or register}. */
	static String title(Class<?> type) {
		return title(kebab(type));
	}

	/**
	 * {@code get-user-account} becomes {@code Get user account}: a node built in code
	 * gets the same title as a class of that name.
	 */
	static String title(String name) {
		if (name == null) {
			return null; // validation names the missing id or name
		}
		String words = name.replace('-', ' ').replace('_', ' ');
		return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	static String orDefault(String value, String fallback) {
		return (value == null || value.isBlank()) ? fallback : value;
	}

	/**
	 * Whether {@code url} is a path on this site: starts with one slash, no scheme, no
	 * host, no control characters (browsers drop tabs and line breaks, so
	 * {@code "/\t/evil.example"} would lead to another site).
	 */
	static boolean isLocalPath(String url) {
		return url != null && url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\")
				&& url.chars().noneMatch((c) -> c < 0x20 || c == 0x7F);
	}

}
