package dev.flows.engine;

import dev.flows.definition.Position;

/**
 * The engine's answer to a {@link StepRequest}: go ahead, go elsewhere, or a refusal. A
 * front end turns each into its own kind of answer (a page, a 303, a status); the rules
 * that decide between them are the engine's alone.
 */
public sealed interface StepEntry {

	/**
	 * Serve the request with {@code task}. For a submit the task is claimed: the front
	 * end runs the step's handler, then calls {@link FlowEngine#complete},
	 * {@link FlowEngine#back} or {@link FlowEngine#cancel}, or {@link FlowEngine#release}
	 * if the handler decided nothing.
	 *
	 * @param task the task, loaded (or new and not yet stored, before the flow's first
	 * submit)
	 */
	record Proceed(Task task) implements StepEntry {
	}

	/**
	 * Send the user elsewhere; nothing is left claimed.
	 *
	 * @param target where to
	 * @param task the task, for {@link Target#TASK} and {@link Target#STEP}; otherwise
	 * {@code null}
	 * @param position the step, for {@link Target#STEP}; otherwise {@code null}
	 */
	record Redirect(Target target, Task task, Position position) implements StepEntry {

		/** Where a redirect leads. */
		public enum Target {

			/** The flow's entry, without a task. */
			ENTRY,
			/** Wherever the task is: its current step, or its completion. */
			TASK,
			/** A given step of the task. */
			STEP,
			/** The flow's cancel URL. */
			CANCELLED

		}

	}

	/**
	 * No task can be served: missing, expired, unreadable, of another flow, or another
	 * user's (all alike, so that an id reveals nothing). A front end restarts the flow
	 * with a notice, or answers "not found".
	 */
	record Unknown() implements StepEntry {
	}

	/**
	 * The step needs a signed-in user; a front end asks the user to sign in and come
	 * back.
	 */
	record LoginRequired() implements StepEntry {
	}

	/**
	 * The request cannot be served as asked.
	 *
	 * @param reason why
	 * @param message a sentence for the user
	 */
	record Refused(Reason reason, String message) implements StepEntry {

		/** Why a request was refused. */
		public enum Reason {

			/** The task id is not one Flows could have made. */
			MALFORMED,
			/** A precondition forbids the step to this user. */
			FORBIDDEN,
			/** A precondition says the step does not exist for this task. */
			NOT_FOUND

		}

	}

}
