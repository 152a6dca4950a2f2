package dev.flows.engine;

import dev.flows.FlowException;
import dev.flows.definition.Position;

/**
 * A move the flow does not allow: a step the task has not reached, a {@code goTo} target
 * the action did not declare, a step of a finished task. The task is unchanged;
 * {@link #currentPosition()} says where it is.
 */
public class InvalidTransitionException extends FlowException {

	private final Position currentPosition;

	public InvalidTransitionException(String message, Position currentPosition) {
		super(message);
		this.currentPosition = currentPosition;
	}

	/** Where the task is. */
	public Position currentPosition() {
		return this.currentPosition;
	}

}
