package dev.flows.store;

import dev.flows.FlowException;

/**
 * The service behind a {@link TaskStore} could not be reached or failed. The web layer
 * answers 503 Service Unavailable; the task is unchanged.
 */
public class TaskStoreUnavailableException extends FlowException {

	public TaskStoreUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
