package dev.flows.engine;

/**
 * Where a task is in its life. A cancelled task is deleted rather than kept, so only
 * active and completed tasks are ever stored.
 */
public enum TaskStatus {

	/** The user is working through the flow. */
	ACTIVE,

	/**
	 * The flow completed; the task is kept for {@code flows.task.completed-retention} so
	 * a refresh of the last page works.
	 */
	COMPLETED,

	/**
	 * The user cancelled; the stored task was deleted, and this object can no longer move
	 * or be saved.
	 */
	CANCELLED

}
