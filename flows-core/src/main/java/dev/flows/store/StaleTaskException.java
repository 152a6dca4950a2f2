package dev.flows.store;

import dev.flows.FlowException;

/**
 * A task was saved by someone else (another request, tab or node) since it was loaded, or was
 * removed meanwhile. Nothing was written.
 */
public class StaleTaskException extends FlowException {

	private final String taskId;

	private final long expectedVersion;

	public StaleTaskException(String taskId, long expectedVersion) {
		super("Task " + abbreviate(taskId) + " is no longer at version " + expectedVersion
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

	/** Task ids are bearer-like secrets: keep only a prefix in messages that may reach logs. */
	static String abbreviate(String taskId) {
		return (taskId == null || taskId.length() <= 6) ? String.valueOf(taskId) : taskId.substring(0, 6) + "…";
	}

}
