package dev.flows.engine;

/**
 * The task existed but was idle longer than {@code flows.task.idle-timeout}.
 */
public class TaskExpiredException extends TaskNotFoundException {

	/**
	 * An expired task; {@code message} says when it expired. As a
	 * {@link TaskNotFoundException}, it is answered as an unknown task is.
	 */
	public TaskExpiredException(String message) {
		super(message);
	}

}
