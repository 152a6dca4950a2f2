package dev.flows.web;

import dev.flows.definition.ActionDefinition;
import dev.flows.definition.FlowDefinition;
import dev.flows.definition.Position;

/**
 * What a flow URL asks for, worked out from the path, method and parameters alone (no
 * store access), so that it is cheap enough to compute for every handler lookup.
 *
 * @param flow the flow
 * @param kind what is asked
 * @param position the step's position, for {@link Kind#RENDER}, {@link Kind#SUBMIT} and
 * {@link Kind#ENTRY}; otherwise {@code null}
 * @param taskId the task id parameter, or {@code null}
 */
record FlowRoute(FlowDefinition flow, Kind kind, Position position, String taskId) {

	static final String ATTRIBUTE = FlowRoute.class.getName();

	enum Kind {

		/** GET of the flow without a task: render the first step, create nothing. */
		ENTRY,
		/** GET of the flow with a task: go to its current step. */
		RESUME,
		/** GET of a step of a task. */
		RENDER,
		/** POST of a step: process it. */
		SUBMIT,
		/** POST of a skippable step's Skip button. */
		SKIP,
		/** POST of Back. */
		BACK,
		/** POST of Cancel. */
		CANCEL,
		/** GET of the completion page. */
		DONE

	}

	ActionDefinition action() {
		return this.flow.action(this.position).orElseThrow();
	}

	boolean hasTaskId() {
		return this.taskId != null;
	}

}
