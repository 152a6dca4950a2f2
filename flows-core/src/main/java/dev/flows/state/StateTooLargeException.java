package dev.flows.state;

import dev.flows.FlowException;

/**
 * A task's state grew past the configured limit ({@code flows.task.max-state-size}). The
 * task is not saved, so what was stored before stays as it was.
 */
public class StateTooLargeException extends FlowException {

	private final int size;

	private final int limit;

	public StateTooLargeException(int size, int limit) {
		super("Task state is " + size + " bytes as JSON, over the limit of " + limit
				+ " bytes; keep large data elsewhere and store its id, or raise flows.task.max-state-size");
		this.size = size;
		this.limit = limit;
	}

	/** The size of the rejected state in bytes. */
	public int size() {
		return this.size;
	}

	/** The configured limit in bytes. */
	public int limit() {
		return this.limit;
	}

}
