package dev.flows.engine;

import java.security.Principal;
import java.util.Optional;

import dev.flows.definition.FlowDefinition;
import dev.flows.definition.Outcome;
import dev.flows.definition.Position;

/**
 * A move of a task, as {@link FlowHook}s see it. Before the move the task is still at
 * {@link #from()}; after it, at {@link #to()}.
 *
 * @param task the task moving
 * @param kind why it moves
 * @param from the position left, or {@code null} when the task starts
 * @param to the position entered, or {@code null} when the flow finishes or is cancelled
 * @param outcome the outcome that caused the move, or {@code null} for back, rewind and
 * start
 * @param principal the user, or {@code null}
 */
public record TransitionEvent(Task task, TransitionKind kind, Position from, Position to, Outcome outcome,
		Principal principal) {

	/** The flow of the task. */
	public FlowDefinition flow() {
		return this.task.flow();
	}

	/** The position entered, if the task stays in the flow. */
	public Optional<Position> target() {
		return Optional.ofNullable(this.to);
	}

}
