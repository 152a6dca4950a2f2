package dev.flows.definition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Where a node sits in a flow: the names of the nodes from the root's child down to it,
 * such as {@code get-user-account/forgot-password/enter-code}. The root scaffold is the
 * empty position. Immutable.
 */
public final class Position {

	/** The position of a flow's root scaffold. */
	public static final Position ROOT = new Position(List.of());

	private final List<String> names;

	// Positions are map keys and are compared on every request (the flow's nodes by
	// position, the steps of a progress bar): comparing one string, its hash cached,
	// costs less than comparing lists. Valid names hold no '/' (the validator says so),
	// so equal paths mean equal names.
	private final String path;

	private Position(List<String> names) {
		this.names = names;
		this.path = String.join("/", names);
	}

	/**
	 * Parse a {@code /}-separated path; blank means {@link #ROOT}. Leading and trailing
	 * slashes are ignored.
	 */
	public static Position parse(String path) {
		if (path == null || path.isBlank()) {
			return ROOT;
		}
		String trimmed = path.strip();
		while (trimmed.startsWith("/")) {
			trimmed = trimmed.substring(1);
		}
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		if (trimmed.isEmpty()) {
			return ROOT;
		}
		return new Position(List.of(trimmed.split("/")));
	}

	/** A position from node names, outermost first. */
	public static Position of(String... names) {
		return new Position(List.copyOf(Arrays.asList(names)));
	}

	/** The position of the child called {@code name}. */
	public Position child(String name) {
		List<String> longer = new ArrayList<>(this.names);
		longer.add(name);
		return new Position(Collections.unmodifiableList(longer));
	}

	/**
	 * The enclosing scaffold's position.
	 * @throws IllegalStateException for {@link #ROOT}
	 */
	public Position parent() {
		if (isRoot()) {
			throw new IllegalStateException("The root position has no parent");
		}
		return new Position(this.names.subList(0, this.names.size() - 1));
	}

	/** Whether this is the root scaffold's position. */
	public boolean isRoot() {
		return this.names.isEmpty();
	}

	/** The node names, outermost first. */
	public List<String> names() {
		return this.names;
	}

	/** The last name, or the empty string for {@link #ROOT}. */
	public String leaf() {
		return isRoot() ? "" : this.names.get(this.names.size() - 1);
	}

	/** How many names the path has. */
	public int depth() {
		return this.names.size();
	}

	/** Whether {@code ancestor} is this position or one of its ancestors. */
	public boolean startsWith(Position ancestor) {
		if (ancestor.isRoot()) {
			return true;
		}
		int length = ancestor.path.length();
		return this.path.startsWith(ancestor.path) && (this.path.length() == length || this.path.charAt(length) == '/');
	}

	/**
	 * This position and each ancestor up to the root, innermost first, {@link #ROOT}
	 * last.
	 */
	public List<Position> selfAndAncestors() {
		List<Position> chain = new ArrayList<>();
		for (int depth = this.names.size(); depth >= 0; depth--) {
			chain.add(new Position(this.names.subList(0, depth)));
		}
		return chain;
	}

	/** Positions are equal when their paths are. */
	@Override
	public boolean equals(Object other) {
		return (this == other) || (other instanceof Position position && this.path.equals(position.path));
	}

	@Override
	public int hashCode() {
		return this.path.hashCode();
	}

	/** The {@code /}-separated path, empty for {@link #ROOT}. */
	@Override
	public String toString() {
		return this.path;
	}

}
