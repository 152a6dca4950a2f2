package dev.flows.state;

import dev.flows.FlowException;

/**
 * A task state value could not be written as JSON or read back into the type asked for.
 */
public class TaskStateException extends FlowException {

	/**
	 * A failure found by Flows itself, such as stored state that is JSON but not an
	 * object; {@code message} says what was found.
	 */
	public TaskStateException(String message) {
		super(message);
	}

	/**
	 * A failure of the JSON mapper, the {@code cause}; {@code message} names the key or
	 * the stored text concerned and, for a value that cannot be written, how to make it
	 * writable.
	 */
	public TaskStateException(String message, Throwable cause) {
		super(message, cause);
	}

}
