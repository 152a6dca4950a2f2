package dev.flows.definition;

import java.util.Objects;

/**
 * What an action's POST handler decided.
 * <ul>
 * <li>{@link #complete()}: the step is done; the enclosing scaffold's transition picks
 * the next.</li>
 * <li>{@link #goTo(Class)}: go to a node the action declared in {@code targets}.</li>
 * <li>{@link #redisplay()}: show the step again (with validation errors); nothing
 * moves.</li>
 * <li>{@link #cancel()}: abandon the task.</li>
 * </ul>
 */
public final class Outcome {

	/** The kinds of outcome. */
	public enum Kind {

		/** The step is done. */
		COMPLETE,
		/** Go to a named node. */
		GO_TO,
		/** Show the step again. */
		REDISPLAY,
		/** Abandon the task. */
		CANCEL

	}

	private static final Outcome COMPLETE = new Outcome(Kind.COMPLETE, null, null);

	private static final Outcome REDISPLAY = new Outcome(Kind.REDISPLAY, null, null);

	private static final Outcome CANCEL = new Outcome(Kind.CANCEL, null, null);

	private final Kind kind;

	private final Class<?> target;

	private final String view;

	private Outcome(Kind kind, Class<?> target, String view) {
		this.kind = kind;
		this.target = target;
		this.view = view;
	}

	/** The step is done; the transition decides what comes next. */
	public static Outcome complete() {
		return COMPLETE;
	}

	/**
	 * Go to {@code target}: an action or scaffold listed in the action's
	 * {@code @FlowAction(targets)}, a child of a scaffold enclosing the action.
	 */
	public static Outcome goTo(Class<?> target) {
		return new Outcome(Kind.GO_TO, Objects.requireNonNull(target, "target"), null);
	}

	/** Show the step's view again, with the submitted form and its errors. */
	public static Outcome redisplay() {
		return REDISPLAY;
	}

	/**
	 * Show {@code view} instead of the step's own, with the submitted form and its
	 * errors.
	 */
	public static Outcome redisplay(String view) {
		return new Outcome(Kind.REDISPLAY, null, Objects.requireNonNull(view, "view"));
	}

	/** Abandon the task and send the user to the flow's cancel URL. */
	public static Outcome cancel() {
		return CANCEL;
	}

	/** The kind of outcome. */
	public Kind kind() {
		return this.kind;
	}

	/** The target of {@link #goTo(Class)}, otherwise {@code null}. */
	public Class<?> target() {
		return this.target;
	}

	/** The view of {@link #redisplay(String)}, otherwise {@code null}. */
	public String view() {
		return this.view;
	}

	@Override
	public String toString() {
		return (this.kind == Kind.GO_TO) ? "goTo(" + this.target.getSimpleName() + ")"
				: this.kind.name().toLowerCase(java.util.Locale.ROOT);
	}

}
