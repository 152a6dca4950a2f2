package dev.flows.engine;

import java.time.Instant;

/**
 * One entry of a task's transition log.
 *
 * @param from the position left ({@code ""} at the start)
 * @param to the position entered ({@code ""} when the flow finished or was cancelled)
 * @param kind why the task moved
 * @param outcome the outcome that caused it, such as {@code complete} or
 * {@code goTo(Register)}
 * @param at when it happened
 */
public record TransitionRecord(String from, String to, TransitionKind kind, String outcome, Instant at) {

}
