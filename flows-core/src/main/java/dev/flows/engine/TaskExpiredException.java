package dev.flows.engine;

/**
 * The task existed but was idle longer than {@code flows.task.idle-timeout}.
 */
public class TaskExpiredException extends TaskNotFoundException {

	public TaskExpiredException(String message) {
		super(message);
	}

}
