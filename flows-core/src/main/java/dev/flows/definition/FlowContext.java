package dev.flows.definition;

import java.security.Principal;
import java.util.Objects;
import java.util.Optional;

import dev.flows.state.TaskState;

/**
 * What transitions and preconditions may look at: the flow, the task's state and who the
 * user is. Before the first POST there is no task yet; the state is then empty.
 */
public final class FlowContext {

	private final FlowDefinition flow;

	private final String taskId;

	private final TaskState state;

	private final Principal principal;

	/**
	 * @param flow the flow being run
	 * @param taskId the task id, or {@code null} before the task exists
	 * @param state the task's state
	 * @param principal the authenticated user, or {@code null}
	 */
	public FlowContext(FlowDefinition flow, String taskId, TaskState state, Principal principal) {
		this.flow = Objects.requireNonNull(flow, "flow");
		this.taskId = taskId;
		this.state = Objects.requireNonNull(state, "state");
		this.principal = principal;
	}

	/** The flow being run. */
	public FlowDefinition flow() {
		return this.flow;
	}

	/** The task id, empty before the task exists. */
	public Optional<String> taskId() {
		return Optional.ofNullable(this.taskId);
	}

	/** The task's state. */
	public TaskState state() {
		return this.state;
	}

	/** The authenticated user, if any. */
	public Optional<Principal> principal() {
		return Optional.ofNullable(this.principal);
	}

	/** Whether a user is authenticated. */
	public boolean isAuthenticated() {
		return this.principal != null;
	}

}
