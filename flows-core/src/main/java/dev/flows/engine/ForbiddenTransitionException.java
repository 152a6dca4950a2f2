package dev.flows.engine;

import dev.flows.FlowException;

/**
 * A {@link FlowHook} vetoed a move. The task is unchanged.
 */
public class ForbiddenTransitionException extends FlowException {

	/** The reason the hook gave. */
	private final String reason;

	/** The name of the hook that vetoed. */
	private final String hookName;

	/**
	 * A veto by the hook called {@code hookName}; the web layer answers 409 Conflict with
	 * {@code reason}, so it should be fit to show to the user.
	 */
	public ForbiddenTransitionException(String reason, String hookName) {
		super("Transition vetoed by " + hookName + ": " + reason);
		this.reason = reason;
		this.hookName = hookName;
	}

	/** The reason the hook gave; fit to show to the user. */
	public String reason() {
		return this.reason;
	}

	/** The name of the hook that vetoed. */
	public String hookName() {
		return this.hookName;
	}

}
