package dev.flows.test;

import java.security.Principal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import dev.flows.definition.ComponentResolver;
import dev.flows.definition.FlowBuilder;
import dev.flows.definition.FlowDefinition;
import dev.flows.definition.FlowRegistry;
import dev.flows.definition.Outcome;
import dev.flows.definition.Position;
import dev.flows.engine.FlowEngine;
import dev.flows.engine.FlowHook;
import dev.flows.engine.StepEntry;
import dev.flows.engine.StepRequest;
import dev.flows.engine.Task;
import dev.flows.engine.TaskBinding;
import dev.flows.engine.TaskTimeouts;
import dev.flows.state.TaskState;
import dev.flows.state.TaskStateCodec;
import dev.flows.store.memory.InMemoryTaskStore;
import org.assertj.core.api.AssertProvider;

/**
 * Runs one task of a flow on the engine alone, without a web context: what each step's
 * POST handler would put into the task state and the {@link Outcome} it would return are
 * given by the test, and the flow's own logic (transitions, preconditions, the keys each
 * step owns, hooks) does the rest, by the same rules as on the web, on an
 * {@link InMemoryTaskStore}.
 *
 * <pre class="code">
 * FlowTester purchase = FlowTester.of(Purchase.class);
 * purchase.put("item", 42).complete();
 * purchase.goTo(Register.class);
 * assertThat(purchase).isAtStep("account/register").hasState("item", 42);
 * </pre>
 *
 * {@code assertThat(tester)} (AssertJ's) gives a {@link FlowTesterAssert}. Not
 * thread-safe: one per test.
 */
public final class FlowTester implements AssertProvider<FlowTesterAssert> {

	private final FlowDefinition flow;

	private final InMemoryTaskStore store = new InMemoryTaskStore();

	private final List<FlowHook> hooks = new ArrayList<>();

	private final Map<String, Object> pending = new LinkedHashMap<>();

	private FlowEngine engine;

	private Principal principal;

	private Task task;

	private boolean cancelled;

	private FlowTester(FlowDefinition flow) {
		this.flow = Objects.requireNonNull(flow, "flow");
	}

	/**
	 * A tester of the flow declared by {@code flowClass} ({@code @Flow}); custom
	 * transitions and preconditions are created with their no-argument constructors.
	 */
	public static FlowTester of(Class<?> flowClass) {
		return of(FlowBuilder.fromAnnotatedClass(flowClass).build());
	}

	/**
	 * A tester of the flow declared by {@code flowClass}, whose custom transitions and
	 * preconditions come from {@code components} (instances made by the test, for those
	 * that need collaborators).
	 */
	public static FlowTester of(Class<?> flowClass, ComponentResolver components) {
		return of(FlowBuilder.fromAnnotatedClass(flowClass).build(components));
	}

	/** A tester of {@code flow}, however it was built. */
	public static FlowTester of(FlowDefinition flow) {
		return new FlowTester(flow);
	}

	/**
	 * Runs {@code hook} around every move, as a {@code FlowHook} bean does in an
	 * application.
	 * @throws IllegalStateException once the task has started
	 */
	public FlowTester withHook(FlowHook hook) {
		if (this.engine != null) {
			throw new IllegalStateException("Add hooks before the task starts");
		}
		this.hooks.add(Objects.requireNonNull(hook, "hook"));
		return this;
	}

	/**
	 * The following requests come from the user {@code name}, as after signing in; a task
	 * started anonymously is adopted by them.
	 */
	public FlowTester signedInAs(String name) {
		Objects.requireNonNull(name, "name");
		this.principal = () -> name;
		return this;
	}

	/** The following requests come from nobody signed in. */
	public FlowTester signedOut() {
		this.principal = null;
		return this;
	}

	/**
	 * Opens the flow: a new task at its first step, not stored yet (as on the web, the
	 * first submit stores it), forgetting values given to {@link #put} so far. Submitting
	 * without starting starts first.
	 */
	public FlowTester start() {
		this.pending.clear();
		return open();
	}

	/** Opens the flow, keeping the values given to {@link #put} for the first submit. */
	private FlowTester open() {
		this.cancelled = false;
		StepEntry answer = engine().enter(
				new StepRequest(this.flow, StepRequest.Kind.ENTRY, null, null, null, this.principal, TaskBinding.NONE));
		this.task = proceed(answer, "Opening " + this.flow);
		return this;
	}

	/**
	 * Puts {@code value} into the task state under {@code key} with the next submit, as
	 * the step's POST handler would.
	 */
	public FlowTester put(String key, Object value) {
		this.pending.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
		return this;
	}

	/** Submits the current step, which completes: {@link Outcome#complete()}. */
	public FlowTester complete() {
		return submit(Outcome.complete());
	}

	/**
	 * Submits the current step, which goes to {@code target}:
	 * {@link Outcome#goTo(Class)}.
	 */
	public FlowTester goTo(Class<?> target) {
		return submit(Outcome.goTo(target));
	}

	/**
	 * Submits the current step with {@code outcome}, after the values given to
	 * {@link #put} are put into the state.
	 * @throws AssertionError if the engine does not let the step be submitted (a
	 * precondition, a step that needs a signed-in user)
	 */
	public FlowTester submit(Outcome outcome) {
		if (this.task == null || this.cancelled) {
			open();
		}
		return submit(this.task.position().toString(), (state) -> {
		}, outcome);
	}

	/**
	 * Submits the step {@code step} (the current one, or one of the task's history, which
	 * rewinds the task to it first, as a page reached with the browser's Back button
	 * does): {@code handler} changes the state as the step's POST handler would, then
	 * {@code outcome} is applied and the task stored.
	 * @throws AssertionError if the engine does not let the step be submitted
	 */
	public FlowTester submit(String step, Consumer<TaskState> handler, Outcome outcome) {
		Objects.requireNonNull(outcome, "outcome");
		if (this.task == null || this.cancelled) {
			open();
		}
		Position position = Position.parse(step);
		boolean first = !this.task.isPersisted();
		StepEntry answer = engine().enter(new StepRequest(this.flow, StepRequest.Kind.SUBMIT, position, this.task.id(),
				first ? null : this.task.version(), this.principal, TaskBinding.NONE));
		Task claimed = proceed(answer, "Submitting step '" + step + "'");
		this.pending.forEach(claimed.state()::put);
		this.pending.clear();
		handler.accept(claimed.state());
		engine().complete(claimed, position, outcome, this.principal, TaskBinding.NONE);
		if (outcome.kind() == Outcome.Kind.CANCEL) {
			this.cancelled = true;
			this.task = claimed;
		}
		else {
			reload(claimed);
		}
		return this;
	}

	/**
	 * Goes back one step, as the Back button does.
	 * @throws AssertionError if there is no previous step
	 */
	public FlowTester back() {
		Task current = task();
		if (!current.canGoBack()) {
			throw new AssertionError("No Back from step '" + current.position() + "': it is the first step"
					+ (current.isCompleted() ? " or the task is completed" : ""));
		}
		StepEntry answer = engine().enter(new StepRequest(this.flow, StepRequest.Kind.BACK, null, current.id(),
				current.version(), this.principal, TaskBinding.NONE));
		Task claimed = proceed(answer, "Back from step '" + current.position() + "'");
		engine().goBack(claimed, this.principal);
		reload(claimed);
		return this;
	}

	/** Cancels the task, as the Cancel button does: it is deleted. */
	public FlowTester cancel() {
		Task current = task();
		if (current.isPersisted()) {
			StepEntry answer = engine().enter(new StepRequest(this.flow, StepRequest.Kind.CANCEL, null, current.id(),
					current.version(), this.principal, TaskBinding.NONE));
			engine().cancel(proceed(answer, "Cancelling"), this.principal);
		}
		this.cancelled = true;
		return this;
	}

	/**
	 * The step the task is at ({@code "account/login"}); on completion, its last step.
	 */
	public String step() {
		return task().position().toString();
	}

	/** The task as stored (or, before the first submit, as the entry page has it). */
	public Task task() {
		if (this.task == null) {
			open();
		}
		return this.task;
	}

	/** The task's state. */
	public TaskState state() {
		return task().state();
	}

	/** Whether the task was cancelled (and deleted). */
	public boolean isCancelled() {
		return this.cancelled;
	}

	/** The flow under test. */
	public FlowDefinition flow() {
		return this.flow;
	}

	/** The engine the task runs on, over an in-memory store of its own. */
	public FlowEngine engine() {
		if (this.engine == null) {
			this.engine = new FlowEngine(new FlowRegistry(List.of(this.flow)), this.store,
					TaskStateCodec.withDefaults(), this.hooks, Clock.systemUTC(), TaskTimeouts.DEFAULTS);
		}
		return this.engine;
	}

	@Override
	public FlowTesterAssert assertThat() {
		return new FlowTesterAssert(this);
	}

	private void reload(Task saved) {
		this.task = saved.isPersisted() ? engine().load(saved.id()) : saved;
	}

	private Task proceed(StepEntry answer, String what) {
		if (answer instanceof StepEntry.Proceed proceed) {
			return proceed.task();
		}
		String where = (this.task != null) ? " (the task is at '" + this.task.position() + "')" : "";
		String why;
		if (answer instanceof StepEntry.LoginRequired) {
			why = "the step needs a signed-in user: call signedInAs(...) first";
		}
		else if (answer instanceof StepEntry.Refused refused) {
			why = "refused, " + refused.reason() + ": " + refused.message();
		}
		else if (answer instanceof StepEntry.Redirect redirect) {
			why = "the engine sends the user elsewhere instead (" + redirect.target()
					+ ((redirect.position() != null) ? " '" + redirect.position() + "'" : "")
					+ "): a step not reached yet, a precondition's detour, or a completed task";
		}
		else {
			why = "the task is unknown (another user's, or gone)";
		}
		throw new AssertionError(what + " was not served: " + why + where);
	}

}
