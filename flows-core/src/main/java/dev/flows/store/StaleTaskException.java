package dev.flows.store;

import dev.flows.FlowException;

/**
 * A task was saved by someone else (another request, tab or node) since it was loaded, or
 * was removed meanwhile. Nothing was written.
 */
public class StaleTaskException extends FlowException {

	/** The id of the task. */
	private final String taskId;

	/** The version the write expected to replace. */
	private final long expectedVersion;

	/**
	 * A write of task {@code taskId} that found it at another version than
	 * {@code expectedVersion}, or gone. Stores throw it instead of writing, so that
	 * concurrent requests never overwrite each other's work.
	 */
	public StaleTaskException(String taskId, long expectedVersion) {
		super("Task " + TaskRecord.shortId(taskId) + " is no longer at version " + expectedVersion
				+ "; it was changed or removed by another request");
		this.taskId = taskId;
		this.expectedVersion = expectedVersion;
	}

	/** The id of the task. */
	public String taskId() {
		return this.taskId;
	}

	/** The version the update expected to replace. */
	public long expectedVersion() {
		return this.expectedVersion;
	}

}
