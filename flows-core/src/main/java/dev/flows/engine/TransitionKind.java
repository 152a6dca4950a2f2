package dev.flows.engine;

/**
 * Why a task moved.
 */
public enum TransitionKind {

	/** The task was created at its first step. */
	START,
	/** A step completed, or named its next step, and the task moved forward. */
	ADVANCE,
	/** The user pressed Back. */
	BACK,
	/** The user submitted a step from the history, rewinding the task to it. */
	REWIND,
	/** The user cancelled. */
	CANCEL,
	/** The flow completed. */
	FINISH

}
