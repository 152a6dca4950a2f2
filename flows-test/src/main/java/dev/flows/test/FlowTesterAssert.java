package dev.flows.test;

import java.util.List;

import dev.flows.definition.ActionDefinition;
import dev.flows.definition.Position;
import dev.flows.engine.Task;
import dev.flows.state.TaskState;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the task a {@link FlowTester} runs: where it is, where it has been, and
 * its state. Get one with AssertJ's {@code assertThat(tester)}.
 */
public final class FlowTesterAssert extends AbstractAssert<FlowTesterAssert, FlowTester> {

	FlowTesterAssert(FlowTester tester) {
		super(tester, FlowTesterAssert.class);
	}

	/**
	 * The task is at the step {@code step}, its path in the flow
	 * ({@code "account/login"}) and still running.
	 */
	public FlowTesterAssert isAtStep(String step) {
		isNotNull();
		Task task = running();
		if (!task.position().toString().equals(step)) {
			failWithMessage("Expected the task at step '%s' but it is at '%s' (after %s)", step, task.position(),
					task.history());
		}
		return this;
	}

	/** The task is at the step of the action class {@code action}, and still running. */
	public FlowTesterAssert isAtStep(Class<?> action) {
		isNotNull();
		Task task = running();
		ActionDefinition current = task.currentAction();
		if (!action.isAssignableFrom(current.type())) {
			failWithMessage("Expected the task at the step of %s but it is at '%s' (%s)", action.getSimpleName(),
					task.position(), current.type().getSimpleName());
		}
		return this;
	}

	/** The task has completed. */
	public FlowTesterAssert isCompleted() {
		isNotNull();
		if (this.actual.isCancelled()) {
			failWithMessage("Expected the task to be completed but it was cancelled");
		}
		Task task = this.actual.task();
		if (!task.isCompleted()) {
			failWithMessage("Expected the task to be completed but it is at '%s'", task.position());
		}
		return this;
	}

	/** The task was cancelled. */
	public FlowTesterAssert isCancelled() {
		isNotNull();
		if (!this.actual.isCancelled()) {
			failWithMessage("Expected the task to be cancelled but it is at '%s'", this.actual.task().position());
		}
		return this;
	}

	/**
	 * The steps the task went through before its current one are exactly {@code steps},
	 * in order (after a Back or a rewind, the steps given up are no longer there).
	 */
	public FlowTesterAssert hasHistory(String... steps) {
		isNotNull();
		List<String> history = this.actual.task().history().stream().map(Position::toString).toList();
		if (!history.equals(List.of(steps))) {
			failWithMessage("Expected the history %s but it is %s", List.of(steps), history);
		}
		return this;
	}

	/** The task's state holds {@code key}. */
	public FlowTesterAssert hasStateKey(String key) {
		isNotNull();
		TaskState state = this.actual.state();
		if (!state.contains(key)) {
			failWithMessage("Expected the task's state to hold '%s' but it holds %s", key, state.keys());
		}
		return this;
	}

	/** The task's state does not hold {@code key}. */
	public FlowTesterAssert doesNotHaveStateKey(String key) {
		isNotNull();
		if (this.actual.state().contains(key)) {
			failWithMessage("Expected the task's state not to hold '%s' but it does", key);
		}
		return this;
	}

	/**
	 * The task's state holds {@code expected} under {@code key}, read back as the type of
	 * {@code expected}.
	 */
	public FlowTesterAssert hasState(String key, Object expected) {
		isNotNull();
		TaskState state = this.actual.state();
		Object value = state.contains(key) ? state.get(key, expected.getClass()) : null;
		if (!expected.equals(value)) {
			failWithMessage("Expected the task's state to hold %s under '%s' but it holds %s (keys %s)", expected, key,
					value, state.keys());
		}
		return this;
	}

	private Task running() {
		if (this.actual.isCancelled()) {
			failWithMessage("Expected a running task but it was cancelled");
		}
		Task task = this.actual.task();
		if (task.isCompleted()) {
			failWithMessage("Expected a running task but it completed at '%s'", task.position());
		}
		return task;
	}

}
