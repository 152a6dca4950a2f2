package dev.flows.engine;

import dev.flows.FlowException;

/**
 * No task has this id (never had, was cancelled, or was cleaned up). Also thrown for a
 * task that belongs to someone else, so that a foreign id looks exactly like an unknown
 * one.
 */
public class TaskNotFoundException extends FlowException {

	/**
	 * No task for the id asked for. Keep {@code message} the same for an unknown and a
	 * foreign id, so that it gives nothing away about other users' tasks.
	 */
	public TaskNotFoundException(String message) {
		super(message);
	}

}
