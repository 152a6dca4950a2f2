package dev.flows.state;

/**
 * A stored state value no longer reads as the type asked for, typically because a
 * redeploy changed the Java type it was written from. The engine answers it by sending
 * the task back to the step that owns {@link #key()}, so the user gives that answer
 * again; it is never a server error.
 */
public class UnreadableStateException extends TaskStateException {

	/** The state key whose value could not be read. */
	private final String key;

	/**
	 * The value stored under {@code key} cannot be read as the type asked for;
	 * {@code cause} is the mapper's failure. The key is what lets the engine find the
	 * step to ask again.
	 */
	public UnreadableStateException(String key, String message, Throwable cause) {
		super(message, cause);
		this.key = key;
	}

	/** The state key whose value could not be read. */
	public String key() {
		return this.key;
	}

}
