package dev.flows.definition;

import java.util.Objects;

/**
 * What a {@link Precondition} decided.
 * <ul>
 * <li>{@link #pass()}: go ahead.</li>
 * <li>{@link #skip()}: as the flow moves into the node, treat it as already completed (a
 * signed-in user skips "tell us who you are"). When the node is served, skip counts as
 * pass.</li>
 * <li>{@link #redirectTo(Class)}: send the user to another action of the task.</li>
 * <li>{@link #loginRequired()}, {@link #forbidden(String)}, {@link #notFound(String)}:
 * refuse the request (authentication, 403, 404).</li>
 * </ul>
 */
public final class PreconditionResult {

	/** The kinds of decision. */
	public enum Kind {

		/** Go ahead. */
		PASS,
		/** Treat the node as completed when it is entered. */
		SKIP,
		/** Send the user to {@link PreconditionResult#target()}. */
		REDIRECT,
		/** The user must authenticate first. */
		LOGIN_REQUIRED,
		/** 403. */
		FORBIDDEN,
		/** 404. */
		NOT_FOUND

	}

	private static final PreconditionResult PASS = new PreconditionResult(Kind.PASS, null, null);

	private static final PreconditionResult SKIP = new PreconditionResult(Kind.SKIP, null, null);

	private static final PreconditionResult LOGIN_REQUIRED = new PreconditionResult(Kind.LOGIN_REQUIRED, null,
			"Please sign in to continue");

	private final Kind kind;

	private final Class<?> target;

	private final String message;

	private PreconditionResult(Kind kind, Class<?> target, String message) {
		this.kind = kind;
		this.target = target;
		this.message = message;
	}

	/** Go ahead. */
	public static PreconditionResult pass() {
		return PASS;
	}

	/** Treat the node as completed when the flow moves into it. */
	public static PreconditionResult skip() {
		return SKIP;
	}

	/**
	 * Send the user to the action (or the first action of the scaffold) declared by
	 * {@code target}.
	 */
	public static PreconditionResult redirectTo(Class<?> target) {
		return new PreconditionResult(Kind.REDIRECT, Objects.requireNonNull(target, "target"), null);
	}

	/** The user must authenticate first. */
	public static PreconditionResult loginRequired() {
		return LOGIN_REQUIRED;
	}

	/** Refuse with 403 and a message the user may see. */
	public static PreconditionResult forbidden(String message) {
		return new PreconditionResult(Kind.FORBIDDEN, null, message);
	}

	/** Refuse with 404 and a message the user may see. */
	public static PreconditionResult notFound(String message) {
		return new PreconditionResult(Kind.NOT_FOUND, null, message);
	}

	/** The kind of decision. */
	public Kind kind() {
		return this.kind;
	}

	/** The redirect target, for {@link Kind#REDIRECT}. */
	public Class<?> target() {
		return this.target;
	}

	/** A message the user may see, for refusals. */
	public String message() {
		return this.message;
	}

	/** Whether the node may be served: {@link Kind#PASS} or {@link Kind#SKIP}. */
	public boolean allowsServing() {
		return this.kind == Kind.PASS || this.kind == Kind.SKIP;
	}

	@Override
	public String toString() {
		return this.kind + ((this.target != null) ? " " + this.target.getSimpleName() : "")
				+ ((this.message != null) ? " (" + this.message + ")" : "");
	}

}
