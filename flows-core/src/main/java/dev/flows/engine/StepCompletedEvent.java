package dev.flows.engine;

import java.time.Instant;

/**
 * A step's outcome moved the task forward, and the move is stored.
 *
 * @param taskId the task's id
 * @param flowId the flow's id
 * @param step the step completed, as a path such as {@code choose-payment/pay-pal}
 * @param outcome what the step answered: {@code complete} or {@code goTo(Target)}
 * @param next the step the task moved to, or {@code ""} when the flow completed with it
 * @param at when the move was made
 */
public record StepCompletedEvent(String taskId, String flowId, String step, String outcome, String next,
		Instant at) implements FlowEvent {

	/** Whether this step completed the flow. */
	public boolean finishedFlow() {
		return this.next.isEmpty();
	}

}
