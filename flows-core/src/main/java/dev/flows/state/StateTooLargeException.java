package dev.flows.state;

import dev.flows.FlowException;

/**
 * A task's state grew past the configured limit ({@code flows.task.max-state-size}). The
 * task is not saved, so what was stored before stays as it was.
 */
public class StateTooLargeException extends FlowException {

	/** The size of the rejected state, in bytes of JSON. */
	private final int size;

	/** The limit it went over, in bytes. */
	private final int limit;

	/**
	 * State of {@code size} bytes as JSON, refused against a limit of {@code limit}
	 * bytes; the message suggests keeping large data elsewhere or raising the limit.
	 */
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
