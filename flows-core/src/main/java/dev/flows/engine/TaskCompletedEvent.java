package dev.flows.engine;

import java.time.Instant;

/**
 * The task's flow completed, and the completed task is stored; published right after the
 * {@link StepCompletedEvent} of its last step.
 *
 * @param taskId the task's id
 * @param flowId the flow's id
 * @param lastStep the step whose outcome completed the flow
 * @param at when it completed
 */
public record TaskCompletedEvent(String taskId, String flowId, String lastStep, Instant at) implements FlowEvent {

}
