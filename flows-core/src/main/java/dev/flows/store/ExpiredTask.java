package dev.flows.store;

import java.time.Instant;

/**
 * A task the cleanup removed because it had expired: what is needed to report it (events,
 * metrics), not the task itself.
 *
 * @param id the task's id
 * @param flow the flow's id
 * @param position the step the task was at
 * @param active whether the task was still active (left unfinished), rather than
 * completed and kept only for its completion page
 * @param expiresAt when it expired
 */
public record ExpiredTask(String id, String flow, String position, boolean active, Instant expiresAt) {

}
