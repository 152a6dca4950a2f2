package dev.flows.engine;

/**
 * Published as a Spring application event after every move of a task, for code that wants
 * to react to flows without being a {@link FlowHook}: audit logs, metrics, notifications.
 *
 * @param taskId the task's id
 * @param flowId the flow's id
 * @param kind why the task moved
 * @param from the position left ({@code ""} at the start)
 * @param to the position entered ({@code ""} when the flow finished or was cancelled)
 * @param outcome the outcome that caused the move, such as {@code complete}, or
 * {@code null}
 */
public record TaskTransitionedEvent(String taskId, String flowId, TransitionKind kind, String from, String to,
		String outcome) {

}
