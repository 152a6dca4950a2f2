package dev.flows.engine;

import java.security.Principal;
import java.util.Objects;

import dev.flows.definition.FlowDefinition;
import dev.flows.definition.Position;

/**
 * One request of a front end to a flow, in the engine's terms: what is asked, of which
 * task, by whom. {@link FlowEngine#enter(StepRequest)} answers it with a
 * {@link StepEntry}.
 *
 * @param flow the flow addressed
 * @param kind what is asked
 * @param position the step, for {@link Kind#RENDER} and {@link Kind#SUBMIT}; otherwise
 * ignored
 * @param taskId the task id the request carries, or {@code null}
 * @param version the task version the submitted page was rendered at, or {@code null} if
 * the request carries none (the entry page's first submit); a value that cannot be a
 * version should be given as {@code -1}
 * @param principal the signed-in user, or {@code null}
 * @param binding what ties tasks to this request's user
 */
public record StepRequest(FlowDefinition flow, Kind kind, Position position, String taskId, Long version,
		Principal principal, TaskBinding binding) {

	/**
	 * Requires a flow, a kind and a binding, and a position for {@link Kind#RENDER} and
	 * {@link Kind#SUBMIT}, which address one step.
	 * @throws IllegalArgumentException if a render or a submit has no position
	 */
	public StepRequest {
		Objects.requireNonNull(flow, "flow");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(binding, "binding");
		if ((kind == Kind.RENDER || kind == Kind.SUBMIT) && position == null) {
			throw new IllegalArgumentException(kind + " needs the step's position");
		}
	}

	/** What a request asks of a flow. */
	public enum Kind {

		/**
		 * Show the flow's first step to someone who has no task yet; nothing is stored.
		 */
		ENTRY,
		/** Go to where a task is. */
		RESUME,
		/** Show a step of a task (or, without a task, the first step). */
		RENDER,
		/**
		 * Process a step: the step's handler may run once the result is
		 * {@link StepEntry.Proceed}.
		 */
		SUBMIT,
		/** Go back one step. */
		BACK,
		/** Abandon the task. */
		CANCEL,
		/** Show a completed task's completion page. */
		DONE

	}

}
