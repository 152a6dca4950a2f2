package dev.flows.engine;

import dev.flows.FlowException;

/**
 * A {@link FlowHook} vetoed a move. The task is unchanged.
 */
public class ForbiddenTransitionException extends FlowException {

	private final String reason;

	private final String hookName;

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
