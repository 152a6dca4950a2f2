package dev.flows.engine;

import java.time.Instant;

/**
 * Something that happened to a task and is stored: the engine tells its
 * {@link FlowObserver}s once the change is saved (or, for a cancel, deleted), never for a
 * change that failed to store. With Spring, each is also published as an application
 * event.
 * <p>
 * Events carry ids and step paths, not the task: a listener that needs more loads it.
 */
public sealed interface FlowEvent
		permits TaskStartedEvent, StepCompletedEvent, TaskCompletedEvent, TaskCancelledEvent, TaskExpiredEvent {

	/** The task's id. */
	String taskId();

	/** The id of the flow the task runs. */
	String flowId();

	/** When it happened, by the engine's clock. */
	Instant at();

}
