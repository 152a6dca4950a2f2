package dev.flows.engine;

/**
 * How a task relates to a step someone asks for.
 */
public enum StepAccess {

	/** The task's current step: serve it. */
	CURRENT,
	/** A step the task passed (browser Back): show it; submitting it rewinds the task. */
	IN_HISTORY,
	/**
	 * A step the task has not reached: no skipping ahead, send the user to the current
	 * step.
	 */
	NOT_REACHED,
	/** The task completed: the step can no longer be served. */
	FINISHED,
	/** No action of the flow has that path. */
	UNKNOWN

}
