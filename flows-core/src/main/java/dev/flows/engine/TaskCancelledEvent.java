package dev.flows.engine;

import java.time.Instant;

/**
 * The user cancelled a stored task, and it was deleted. Cancelling an entry page, whose
 * task was never stored, is no event.
 *
 * @param taskId the task's id
 * @param flowId the flow's id
 * @param step the step the task was at
 * @param at when it was cancelled
 */
public record TaskCancelledEvent(String taskId, String flowId, String step, Instant at) implements FlowEvent {

}
