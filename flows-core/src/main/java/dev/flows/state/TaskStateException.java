package dev.flows.state;

import dev.flows.FlowException;

/**
 * A task state value could not be written as JSON or read back into the type asked for.
 */
public class TaskStateException extends FlowException {

	public TaskStateException(String message) {
		super(message);
	}

	public TaskStateException(String message, Throwable cause) {
		super(message, cause);
	}

}
