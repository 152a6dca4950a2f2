package dev.flows.store;

import dev.flows.FlowException;

/**
 * The service behind a {@link TaskStore} could not be reached or failed. The web layer
 * answers 503 Service Unavailable; the task is unchanged.
 */
public class TaskStoreUnavailableException extends FlowException {

	/**
	 * A store call that failed: {@code message} names the operation, {@code cause} is the
	 * client's exception, or {@code null} if there is none. A custom {@link TaskStore}
	 * throws it so that a {@link dev.flows.store.guard.TaskStoreGuard}'s circuit breaker
	 * counts the failure.
	 */
	public TaskStoreUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
