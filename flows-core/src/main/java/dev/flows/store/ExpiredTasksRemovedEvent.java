package dev.flows.store;

import java.time.Instant;

/**
 * A run of the cleanup removed expired tasks: how many. With Spring Boot it is published
 * as an application event after each run that removed any; each active task among them
 * that the store could name is also announced as a
 * {@code dev.flows.engine.TaskExpiredEvent}.
 *
 * @param removed how many tasks the run removed
 * @param at when the run started
 */
public record ExpiredTasksRemovedEvent(int removed, Instant at) {

}
