package dev.flows.engine;

import java.time.Instant;

/**
 * A task was stored for the first time: the user submitted the flow's first step (a GET
 * of the entry page stores nothing).
 *
 * @param taskId the task's id
 * @param flowId the flow's id
 * @param step the step the task was at when stored: the flow's entry step
 * @param at when it was stored
 */
public record TaskStartedEvent(String taskId, String flowId, String step, Instant at) implements FlowEvent {

}
