package dev.flows.engine;

import java.time.Instant;

/**
 * An active task expired: a request found it expired (and deleted it then, so that it is
 * reported once), or the cleanup job removed it (on Redis, which expires tasks itself:
 * took it out of the index of live tasks). Each run of the cleanup that removed tasks is
 * also summed up by a {@link dev.flows.store.ExpiredTasksRemovedEvent}. With the Redis
 * store's index of live tasks off ({@code flows.redis.index-live=false}) only requests
 * report expired tasks.
 *
 * @param taskId the task's id
 * @param flowId the flow's id
 * @param step the step the task was left at
 * @param at when it expired
 */
public record TaskExpiredEvent(String taskId, String flowId, String step, Instant at) implements FlowEvent {

}
