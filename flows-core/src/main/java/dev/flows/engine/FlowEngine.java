package dev.flows.engine;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.flows.definition.FlowContext;
import dev.flows.definition.FlowDefinition;
import dev.flows.definition.FlowRegistry;
import dev.flows.definition.NodeDefinition;
import dev.flows.definition.Position;
import dev.flows.definition.PreconditionResult;
import dev.flows.state.TaskStateCodec;
import dev.flows.store.CorruptTaskException;
import dev.flows.store.TaskRecord;
import dev.flows.store.TaskStore;

/**
 * Moves tasks through their flows and keeps them in a {@link TaskStore}. Knows nothing of HTTP: the
 * web layer is one front end, a test or a batch job can be another.
 * <p>
 * Every method that moves a task works on the object in memory; nothing is stored until
 * {@link #save(Task)}. A request that fails part way simply does not save, so the stored task is
 * unchanged.
 */
public final class FlowEngine {

	private static final Comparator<FlowHook> HOOK_ORDER = Comparator.comparingInt(FlowHook::priority)
		.reversed()
		.thenComparing(FlowHook::name);

	private final FlowRegistry registry;

	private final TaskStore store;

	private final TaskStateCodec stateCodec;

	private final TaskCodec taskCodec;

	private final List<FlowHook> hooks;

	private final Clock clock;

	private final TaskTimeouts timeouts;

	public FlowEngine(FlowRegistry registry, TaskStore store, TaskStateCodec stateCodec, List<FlowHook> hooks,
			Clock clock, TaskTimeouts timeouts) {
		this.registry = Objects.requireNonNull(registry, "registry");
		this.store = Objects.requireNonNull(store, "store");
		this.stateCodec = Objects.requireNonNull(stateCodec, "stateCodec");
		this.taskCodec = new TaskCodec(stateCodec);
		List<FlowHook> ordered = new ArrayList<>(hooks);
		ordered.sort(HOOK_ORDER);
		this.hooks = List.copyOf(ordered);
		this.clock = Objects.requireNonNull(clock, "clock");
		this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
	}

	/** The flows this engine runs. */
	public FlowRegistry registry() {
		return this.registry;
	}

	/**
	 * The action a new task of {@code flow} starts at, for rendering the entry page before any task
	 * exists.
	 */
	public Position entryPosition(FlowDefinition flow, Principal principal) {
		FlowContext context = new FlowContext(flow, null, this.stateCodec.newState(), principal);
		Position first = Navigator.firstAction(flow, context);
		if (first == null) {
			throw new InvalidTransitionException(flow + " skips every step for this user; nothing to show",
					Position.ROOT);
		}
		return first;
	}

	/**
	 * A new task at the flow's entry action, in memory only: it is stored by the first
	 * {@link #save(Task)}, so a task exists only once the user submitted something.
	 */
	public Task newTask(FlowDefinition flow, String binding, Principal principal) {
		Instant now = this.clock.instant();
		Position entry = entryPosition(flow, principal);
		Task task = new Task(TaskIds.newId(), flow, entry, List.of(), this.stateCodec.newState(), List::of,
				(binding != null) ? binding : "", TaskStatus.ACTIVE, 0, false, now, now,
				now.plus(this.timeouts.idleTimeout()));
		task.appendLog(new TransitionRecord("", entry.toString(), TransitionKind.START, null, now));
		return task;
	}

	/**
	 * Load a stored task.
	 * @throws TaskNotFoundException if there is none with that id
	 * @throws TaskExpiredException if it was idle too long
	 * @throws CorruptTaskException if it cannot be resumed
	 */
	public Task load(String id) {
		if (!TaskIds.isWellFormed(id)) {
			throw new TaskNotFoundException("No task has the id given");
		}
		TaskRecord record = this.store.find(id).orElseThrow(() -> new TaskNotFoundException("No task has the id given"));
		if (record.isExpiredAt(this.clock.instant())) {
			throw new TaskExpiredException("The task expired at " + record.expiresAt());
		}
		return this.taskCodec.decode(record, this.registry);
	}

	/** A context for transitions and preconditions of {@code task}. */
	public FlowContext context(Task task, Principal principal) {
		return new FlowContext(task.flow(), task.isPersisted() ? task.id() : null, task.state(), principal);
	}

	/** How {@code task} relates to the action at {@code requested}. */
	public StepAccess access(Task task, Position requested) {
		if (task.flow().action(requested).isEmpty()) {
			return StepAccess.UNKNOWN;
		}
		if (requested.equals(task.position())) {
			return task.isCompleted() ? StepAccess.FINISHED : StepAccess.CURRENT;
		}
		if (task.history().contains(requested)) {
			return task.isCompleted() ? StepAccess.FINISHED : StepAccess.IN_HISTORY;
		}
		return StepAccess.NOT_REACHED;
	}

	/**
	 * Check the preconditions of the action at {@code position} and of every scaffold enclosing it,
	 * outermost first, before serving it.
	 */
	public PreconditionResult checkPreconditions(FlowContext context, Position position) {
		return Navigator.checkServing(context.flow(), position, context);
	}

	/**
	 * Apply what the action at the task's position decided.
	 * @throws InvalidTransitionException if {@code at} is not the current action, the task is
	 * finished, or a {@code goTo} target is not declared
	 * @throws ForbiddenTransitionException if a hook vetoed the move
	 */
	public void apply(Task task, Position at, Outcome outcome, Principal principal) {
		requireActive(task);
		if (!at.equals(task.position())) {
			throw new InvalidTransitionException("Step '" + at + "' is not the task's current step", task.position());
		}
		FlowContext context = context(task, principal);
		switch (outcome.kind()) {
			case REDISPLAY -> {
			}
			case CANCEL -> cancel(task, principal);
			case COMPLETE -> advance(task, Navigator.advance(task.flow(), at, context), outcome, principal);
			case GO_TO -> advance(task, Navigator.goTo(task.flow(), at, outcome.target(), context), outcome,
					principal);
		}
	}

	/**
	 * Go back to the previous step.
	 * @throws InvalidTransitionException if there is none
	 */
	public void back(Task task, Principal principal) {
		requireActive(task);
		if (task.history().isEmpty()) {
			throw new InvalidTransitionException("There is no previous step", task.position());
		}
		int index = task.history().size() - 1;
		rewindTo(task, index, TransitionKind.BACK, principal);
	}

	/**
	 * Make {@code position}, a step in the task's history, current again, dropping the steps after
	 * it and the state they own. Used when the user submits a page reached with the browser's Back
	 * button.
	 * @throws InvalidTransitionException if the position is not in the history
	 */
	public void rewind(Task task, Position position, Principal principal) {
		requireActive(task);
		int index = task.history().lastIndexOf(position);
		if (index < 0) {
			throw new InvalidTransitionException("Step '" + position + "' has not been reached", task.position());
		}
		rewindTo(task, index, TransitionKind.REWIND, principal);
	}

	/**
	 * Abandon the task: hooks run, then the stored task (if any) is deleted.
	 */
	public void cancel(Task task, Principal principal) {
		requireActive(task);
		move(task, new TransitionEvent(task, TransitionKind.CANCEL, task.position(), null, Outcome.cancel(), principal),
				() -> {
				});
		if (task.isPersisted()) {
			this.store.delete(task.id());
		}
		task.cancelled();
	}

	/**
	 * Store the task: insert when new, otherwise update if nobody saved it since it was loaded.
	 * @throws dev.flows.state.StateTooLargeException if the state is over the limit; nothing is stored
	 * @throws dev.flows.store.StaleTaskException if another request saved it first; nothing is stored
	 */
	public void save(Task task) {
		if (task.status() == TaskStatus.CANCELLED) {
			throw new InvalidTransitionException("The task was cancelled and deleted; it cannot be saved", task.position());
		}
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(task.isCompleted() ? this.timeouts.completedRetention() : this.timeouts.idleTimeout());
		if (!task.isPersisted()) {
			this.store.insert(this.taskCodec.encode(task, 0, now, expiresAt));
			task.saved(0, now, expiresAt);
		}
		else {
			long next = task.version() + 1;
			this.store.update(this.taskCodec.encode(task, next, now, expiresAt), task.version());
			task.saved(next, now, expiresAt);
		}
	}

	/**
	 * Move the expiry of an active task that is being read, if the last move was more than
	 * {@link TaskTimeouts#touchInterval()} ago. Most reads therefore write nothing.
	 * @return whether the store was written
	 */
	public boolean touchIfDue(Task task) {
		if (!task.isPersisted() || task.isCompleted()) {
			return false;
		}
		Instant now = this.clock.instant();
		Instant refreshed = now.plus(this.timeouts.idleTimeout());
		if (task.expiresAt().plus(this.timeouts.touchInterval()).isAfter(refreshed)) {
			return false;
		}
		this.store.touch(task.id(), refreshed);
		task.touched(refreshed);
		return true;
	}

	private void advance(Task task, Position destination, Outcome outcome, Principal principal) {
		Position from = task.position();
		if (destination == null) {
			move(task, new TransitionEvent(task, TransitionKind.FINISH, from, null, outcome, principal), task::complete);
			return;
		}
		move(task, new TransitionEvent(task, TransitionKind.ADVANCE, from, destination, outcome, principal), () -> {
			task.pushHistory(from);
			task.moveTo(destination);
		});
	}

	private void rewindTo(Task task, int historyIndex, TransitionKind kind, Principal principal) {
		Position destination = task.history().get(historyIndex);
		move(task, new TransitionEvent(task, kind, task.position(), destination, null, principal), () -> {
			List<Position> dropped = new ArrayList<>(task.history().subList(historyIndex + 1, task.history().size()));
			dropped.add(task.position());
			for (Position abandoned : dropped) {
				task.flow().action(abandoned).ifPresent((action) -> action.ownedStateKeys().forEach(task.state()::remove));
			}
			task.truncateHistory(historyIndex);
			task.moveTo(destination);
		});
	}

	/** Runs the hooks around {@code change} in the documented order. */
	private void move(Task task, TransitionEvent event, Runnable change) {
		for (FlowHook hook : this.hooks) {
			Optional<String> veto = hook.check(event);
			if (veto.isPresent()) {
				throw new ForbiddenTransitionException(veto.get(), hook.name());
			}
		}
		List<Position> left = leftPositions(event.from(), event.to());
		List<Position> entered = enteredPositions(event.from(), event.to());
		for (FlowHook hook : this.hooks) {
			hook.beforeTransition(event);
			for (Position position : left) {
				hook.onLeave(node(task, position), position, event);
			}
		}
		change.run();
		task.appendLog(new TransitionRecord(Objects.toString(event.from(), ""),
				Objects.toString(event.to(), ""), event.kind(), Objects.toString(event.outcome(), null),
				this.clock.instant()));
		for (FlowHook hook : this.hooks) {
			hook.afterTransition(event);
			for (Position position : entered) {
				hook.onEnter(node(task, position), position, event);
			}
		}
	}

	private static NodeDefinition node(Task task, Position position) {
		return task.flow().node(position).orElseThrow();
	}

	/** Nodes on {@code from}'s path that are not on {@code to}'s, innermost first. */
	private static List<Position> leftPositions(Position from, Position to) {
		List<Position> left = new ArrayList<>();
		if (from == null) {
			return left;
		}
		for (Position position : from.selfAndAncestors()) {
			if (to == null || !to.startsWith(position)) {
				left.add(position);
			}
		}
		return left;
	}

	/** Nodes on {@code to}'s path that are not on {@code from}'s, outermost first. */
	private static List<Position> enteredPositions(Position from, Position to) {
		List<Position> entered = new ArrayList<>();
		if (to == null) {
			return entered;
		}
		List<Position> chain = to.selfAndAncestors();
		for (int i = chain.size() - 1; i >= 0; i--) {
			Position position = chain.get(i);
			if (from == null || !from.startsWith(position)) {
				entered.add(position);
			}
		}
		return entered;
	}

	private static void requireActive(Task task) {
		if (task.status() != TaskStatus.ACTIVE) {
			throw new InvalidTransitionException("The task has " + ((task.isCompleted()) ? "completed" : "been cancelled"),
					task.position());
		}
	}

}
