package dev.flows.engine;

import java.time.Instant;

/**
 * An active task was found expired when a request asked for it, and was deleted then, so
 * that it is reported once. Tasks removed in bulk by the cleanup job are reported by
 * count, without ids, as {@link dev.flows.store.ExpiredTasksRemovedEvent}; a store whose
 * server removes expired tasks itself (Redis) reports neither.
 *
 * @param taskId the task's id
 * @param flowId the flow's id
 * @param step the step the task was left at
 * @param at when it expired
 */
public record TaskExpiredEvent(String taskId, String flowId, String step, Instant at) implements FlowEvent {

}
