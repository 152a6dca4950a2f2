package dev.flows.engine;

import dev.flows.FlowException;
import dev.flows.definition.Position;

/**
 * A move the flow does not allow: a step the task has not reached, a {@code goTo} target
 * the action did not declare, a step of a finished task. The task is unchanged;
 * {@link #currentPosition()} says where it is.
 */
public class InvalidTransitionException extends FlowException {

	/** Where the task is. */
	private final Position currentPosition;

	/**
	 * A refused move, explained by {@code message}, of a task that stays at
	 * {@code currentPosition}; the web layer sends the user back to the task's current
	 * step.
	 */
	public InvalidTransitionException(String message, Position currentPosition) {
		super(message);
		this.currentPosition = currentPosition;
	}

	/** Where the task is. */
	public Position currentPosition() {
		return this.currentPosition;
	}

}
