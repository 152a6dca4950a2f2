package dev.flows.store;

import java.time.Instant;

/**
 * A run of the cleanup removed expired tasks. Stores remove them in bulk, without reading
 * them, so the event tells how many, not which: with Spring Boot it is published as an
 * application event after each run that removed any.
 *
 * @param removed how many tasks the run removed
 * @param at when the run started
 */
public record ExpiredTasksRemovedEvent(int removed, Instant at) {

}
