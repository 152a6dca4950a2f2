package dev.flows.web;

import dev.flows.definition.FlowDefinition;
import dev.flows.definition.Position;
import dev.flows.engine.StepEntry;
import dev.flows.engine.Task;

/**
 * The URLs of a flow, relative to the context path. Only a flow's own paths and its
 * declared local cancel and completion paths are ever produced, so no request can make
 * Flows redirect elsewhere.
 */
final class FlowUrls {

	static final String BACK = "_back";

	static final String CANCEL = "_cancel";

	static final String DONE = "_done";

	private final String idParam;

	FlowUrls(String idParam) {
		this.idParam = idParam;
	}

	String entry(FlowDefinition flow) {
		return flow.path();
	}

	String restart(FlowDefinition flow) {
		return flow.path() + "?" + FlowWebSettings.RESTARTED_PARAM + "=true";
	}

	String resume(FlowDefinition flow, String taskId) {
		return withId(flow.path(), taskId);
	}

	String step(FlowDefinition flow, Position position, String taskId) {
		return withId(flow.path() + "/" + position, taskId);
	}

	String back(FlowDefinition flow) {
		return flow.path() + "/" + BACK;
	}

	String cancel(FlowDefinition flow) {
		return flow.path() + "/" + CANCEL;
	}

	String done(FlowDefinition flow, String taskId) {
		return withId(flow.path() + "/" + DONE, taskId);
	}

	/** The page a task is at: its current step, or its completion page. */
	String whereTaskIs(Task task) {
		if (task.isCompleted()) {
			return task.flow().completesWithRedirect() ? task.flow().completionRedirectPath()
					: done(task.flow(), task.id());
		}
		return step(task.flow(), task.position(), task.id());
	}

	/** Where an engine's redirect leads, as a local path. */
	String of(StepEntry.Redirect redirect, FlowDefinition flow) {
		return switch (redirect.target()) {
			case ENTRY -> entry(flow);
			case TASK -> whereTaskIs(redirect.task());
			case STEP -> step(flow, redirect.position(), redirect.task().id());
			case CANCELLED -> flow.cancelUrl();
		};
	}

	private String withId(String path, String taskId) {
		if (taskId == null) {
			return path;
		}
		// A flow's path has no query, and neither it nor an id needs encoding: what
		// UriComponentsBuilder would build, without its cost on every redirect.
		return path + "?" + this.idParam + "=" + taskId;
	}

}
