package dev.flows.engine;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.OrderUtils;

import dev.flows.definition.FlowContext;
import dev.flows.definition.FlowDefinition;
import dev.flows.definition.FlowRegistry;
import dev.flows.definition.NodeDefinition;
import dev.flows.definition.Outcome;
import dev.flows.definition.Position;
import dev.flows.definition.PreconditionResult;
import dev.flows.engine.StepEntry.Redirect.Target;
import dev.flows.engine.StepEntry.Refused.Reason;
import dev.flows.state.TaskStateCodec;
import dev.flows.store.ClaimResult;
import dev.flows.store.ExpiredTask;
import dev.flows.store.CorruptTaskException;
import dev.flows.store.StaleTaskException;
import dev.flows.store.TaskRecord;
import dev.flows.store.TaskStore;

/**
 * Moves tasks through their flows and keeps them in a {@link TaskStore}. Knows nothing of
 * HTTP: the web layer is one front end, a test or a batch job can be another.
 * <p>
 * Front ends use the request API: {@link #enter(StepRequest)} decides, by the rules every
 * front end shares, whether a request may be served (unknown and foreign tasks, no
 * skipping ahead, stale and duplicate submits, rewinds, preconditions, who the task
 * belongs to), and for a submit claims the task in the store so that the step's handler
 * runs at most once per task version, on whichever node; {@link #complete} then applies
 * the handler's {@link Outcome} and saves in one call, and {@link #release} ends a claim
 * that led to nothing.
 * <p>
 * Every method that moves a task works on the object in memory; nothing is stored until
 * {@link #save(Task)}. A request that fails part way simply does not save, so the stored
 * task is unchanged, and hooks' after-phase and events run only for moves that were
 * stored.
 */
public final class FlowEngine {

	private static final Log logger = LogFactory.getLog(FlowEngine.class);

	private static final long FIRST_PAUSE_MILLIS = 10;

	/** How a submission ended, by the step's outcome, as observers are told. */
	private static final Map<Outcome.Kind, String> SUBMITTED = Map.of(Outcome.Kind.COMPLETE, "complete",
			Outcome.Kind.GO_TO, "go-to", Outcome.Kind.REDISPLAY, "redisplay", Outcome.Kind.CANCEL, "cancel");

	private static final long LONGEST_PAUSE_MILLIS = 200;

	/**
	 * Spring's order (Ordered, @Order, unordered last), then the name, so that the order
	 * never depends on the order beans were found in; events are published after every
	 * other hook ran.
	 */
	private static final Comparator<FlowHook> HOOK_ORDER = Comparator
		.comparing((FlowHook hook) -> hook instanceof ApplicationEventFlowHook)
		.thenComparingInt(FlowEngine::order)
		.thenComparing(FlowHook::name);

	private final FlowRegistry registry;

	private final TaskStore store;

	private final TaskStateCodec stateCodec;

	private final TaskCodec taskCodec;

	private final List<FlowHook> hooks;

	private final Clock clock;

	private final TaskTimeouts timeouts;

	private final List<FlowObserver> observers;

	/**
	 * An engine without observers: {@code hooks} still check and see every move, in
	 * Spring's order and then by name, but no {@link FlowEvent} is published.
	 */
	public FlowEngine(FlowRegistry registry, TaskStore store, TaskStateCodec stateCodec, List<FlowHook> hooks,
			Clock clock, TaskTimeouts timeouts) {
		this(registry, store, stateCodec, hooks, List.of(), clock, timeouts);
	}

	/**
	 * An engine whose {@code observers} are told of every stored change of a task and of
	 * every step submitted, in the order given.
	 */
	public FlowEngine(FlowRegistry registry, TaskStore store, TaskStateCodec stateCodec, List<FlowHook> hooks,
			List<FlowObserver> observers, Clock clock, TaskTimeouts timeouts) {
		this.observers = List.copyOf(observers);
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
	 * The action a new task of {@code flow} starts at, for rendering the entry page
	 * before any task exists.
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
		return newTask(TaskIds.newId(), flow, binding, principal);
	}

	private Task newTask(String id, FlowDefinition flow, String binding, Principal principal) {
		Instant now = this.clock.instant();
		Position entry = entryPosition(flow, principal);
		Task task = new Task(id, flow, entry, List.of(), this.stateCodec.newState(), TaskLog.empty(),
				(binding != null) ? binding : "", Owners.of(principal), TaskStatus.ACTIVE, 0, false, now, now,
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
		TaskRecord record = this.store.find(id)
			.orElseThrow(() -> new TaskNotFoundException("No task has the id given"));
		if (record.isExpiredAt(this.clock.instant())) {
			expired(record);
			throw new TaskExpiredException("The task expired at " + record.expiresAt());
		}
		return this.taskCodec.decode(record, this.registry);
	}

	/** A context for transitions and preconditions of {@code task}. */
	FlowContext context(Task task, Principal principal) {
		return new FlowContext(task.flow(), task.isPersisted() ? task.id() : null, task.state(), principal);
	}

	/** How {@code task} relates to the action at {@code requested}. */
	StepAccess access(Task task, Position requested) {
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
	 * Check the preconditions of the action at {@code position} and of every scaffold
	 * enclosing it, outermost first, before serving it.
	 */
	PreconditionResult checkPreconditions(FlowContext context, Position position) {
		return Navigator.checkServing(context.flow(), position, context);
	}

	/**
	 * Apply what the action at the task's position decided.
	 * @throws InvalidTransitionException if {@code at} is not the current action, the
	 * task is finished, or a {@code goTo} target is not declared
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
			case GO_TO -> advance(task, Navigator.goTo(task.flow(), at, outcome.target(), context), outcome, principal);
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
	 * Make {@code position}, a step in the task's history, current again, dropping the
	 * steps after it and the state they own. Used when the user submits a page reached
	 * with the browser's Back button.
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
			// at the version loaded: a cancel decided after someone saved over it removes
			// nothing (StaleTaskException)
			this.store.delete(task.id(), task.version());
			TaskCancelledEvent cancelled = new TaskCancelledEvent(task.id(), task.flow().id(),
					task.position().toString(), this.clock.instant());
			task.deferAfterPhase(() -> observe(cancelled));
		}
		task.cancelled();
		announce(task);
	}

	/**
	 * Store the task: insert when new, otherwise update if nobody saved it since it was
	 * loaded.
	 * @throws dev.flows.state.StateTooLargeException if the state is over the limit;
	 * nothing is stored
	 * @throws dev.flows.store.StaleTaskException if another request saved it first;
	 * nothing is stored
	 */
	public void save(Task task) {
		if (task.status() == TaskStatus.CANCELLED) {
			throw new InvalidTransitionException("The task was cancelled and deleted; it cannot be saved",
					task.position());
		}
		Instant now = this.clock.instant();
		Instant expiresAt = now
			.plus(task.isCompleted() ? this.timeouts.completedRetention() : this.timeouts.idleTimeout());
		if (!task.isPersisted()) {
			this.store.insert(this.taskCodec.encode(task, 0, now, expiresAt));
			task.saved(0, now, expiresAt);
			started(task, now);
		}
		else {
			long next = task.version() + 1;
			this.store.update(this.taskCodec.encode(task, next, now, expiresAt), task.version());
			task.saved(next, now, expiresAt);
		}
		announce(task);
	}

	/**
	 * Runs the after-phase of the moves just stored: hooks' after-transition and
	 * on-enter, events.
	 */
	private void announce(Task task) {
		for (Runnable afterPhase : task.takeAfterPhase()) {
			afterPhase.run();
		}
	}

	/**
	 * Move the expiry of an active task that is being read, if the last move was more
	 * than {@link TaskTimeouts#touchInterval()} ago. Most reads therefore write nothing.
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

	/**
	 * Decide how to serve a front end's request, by the rules every front end shares. For
	 * a submit or a Back the task comes back {@linkplain StepEntry.Proceed claimed}: the
	 * caller must end with {@link #complete}, {@link #back}, {@link #cancel} or
	 * {@link #release}. Every other answer leaves nothing claimed.
	 * @throws dev.flows.store.TaskStoreUnavailableException if the store cannot be
	 * reached
	 */
	public StepEntry enter(StepRequest request) {
		return switch (request.kind()) {
			case ENTRY -> serve(request, entryTask(request), null);
			case RENDER -> render(request);
			case RESUME, DONE -> show(request);
			case SUBMIT -> observed(request, submit(request));
			case BACK -> (request.taskId() == null) ? new StepEntry.Redirect(Target.ENTRY, null, null)
					: claim(request, (request.version() != null) ? request.version() : -1);
			case CANCEL -> cancelling(request);
		};
	}

	private StepEntry render(StepRequest request) {
		if (request.taskId() == null) {
			Position entry = entryPosition(request.flow(), request.principal());
			return request.position().equals(entry) ? serve(request, entryTask(request), null)
					: new StepEntry.Redirect(Target.ENTRY, null, null);
		}
		if (!TaskIds.isWellFormed(request.taskId())) {
			return malformed();
		}
		Task task = visible(request, this.store.find(request.taskId()).orElse(null));
		if (task == null) {
			return new StepEntry.Unknown();
		}
		StepAccess access = access(task, request.position());
		if (access != StepAccess.CURRENT && access != StepAccess.IN_HISTORY) {
			return new StepEntry.Redirect(Target.TASK, task, null);
		}
		if (task.ownerChanged()) {
			save(task);
		}
		else {
			touchIfDue(task);
		}
		return serve(request, task, null);
	}

	/**
	 * The task the entry page shows, not stored. Its id goes into the page's form; the
	 * binding is set up now where that is cheap (a signed cookie, a session that exists
	 * already), so that copies of the first submit, sent before its answer arrives, carry
	 * the same binding and find the one task that submit stores.
	 */
	private Task entryTask(StepRequest request) {
		return newTask(request.flow(), request.binding().prepare(), request.principal());
	}

	private StepEntry show(StepRequest request) {
		if (request.taskId() == null) {
			return new StepEntry.Redirect(Target.ENTRY, null, null);
		}
		if (!TaskIds.isWellFormed(request.taskId())) {
			return malformed();
		}
		Task task = visible(request, this.store.find(request.taskId()).orElse(null));
		if (task == null) {
			return new StepEntry.Unknown();
		}
		if (task.ownerChanged() && !task.isCompleted()) {
			save(task);
		}
		if (request.kind() == StepRequest.Kind.RESUME || !task.isCompleted()) {
			return new StepEntry.Redirect(Target.TASK, task, null);
		}
		return new StepEntry.Proceed(task);
	}

	private StepEntry submit(StepRequest request) {
		FlowDefinition flow = request.flow();
		if (request.taskId() == null) {
			// A client that does not send the id the entry page rendered: no duplicate
			// protection.
			Position entry = entryPosition(flow, request.principal());
			if (!request.position().equals(entry)) {
				return new StepEntry.Redirect(Target.ENTRY, null, null);
			}
			return serve(request, newTask(flow, request.binding().bind(), request.principal()), null);
		}
		if (!TaskIds.isWellFormed(request.taskId())) {
			return malformed();
		}
		if (request.version() == null && request.position().equals(entryPosition(flow, request.principal()))) {
			// The flow's first submit, with the id its entry page rendered: the task is
			// stored
			// claimed before the handler runs, so a double click finds it and waits.
			Task task = newTask(request.taskId(), flow, request.binding().bind(), request.principal());
			return serve(request, task, () -> insertClaimed(task) ? null : claim(request, 0));
		}
		return claim(request, (request.version() != null) ? request.version() : -1);
	}

	private StepEntry cancelling(StepRequest request) {
		if (request.taskId() == null) {
			return new StepEntry.Redirect(Target.CANCELLED, null, null);
		}
		if (!TaskIds.isWellFormed(request.taskId())) {
			return malformed();
		}
		Task task = visible(request, this.store.find(request.taskId()).orElse(null));
		if (task == null) {
			// Cancelling an entry page (its id was never stored) or an unknown task:
			// nothing to undo.
			return (request.version() == null) ? new StepEntry.Redirect(Target.CANCELLED, null, null)
					: new StepEntry.Unknown();
		}
		return task.isCompleted() ? new StepEntry.Redirect(Target.TASK, task, null) : new StepEntry.Proceed(task);
	}

	/**
	 * Claims the task at {@code version}, waiting a bounded time while another request
	 * holds it, then decides the submit or Back on the claimed task.
	 */
	private StepEntry claim(StepRequest request, long version) {
		String id = request.taskId();
		String token = TaskIds.newId();
		long deadline = System.nanoTime() + this.timeouts.claimWait().toNanos();
		long pause = FIRST_PAUSE_MILLIS;
		while (true) {
			Instant now = this.clock.instant();
			ClaimResult result = this.store.claim(id, version, token, now, now.plus(this.timeouts.claimTimeout()));
			if (result.status() == ClaimResult.Status.MISSING) {
				return new StepEntry.Unknown();
			}
			Task task = visible(request, result.record());
			if (task == null) {
				if (result.status() == ClaimResult.Status.CLAIMED) {
					this.store.release(id, token);
				}
				return new StepEntry.Unknown();
			}
			switch (result.status()) {
				case CLAIMED -> {
					task.claimed(token);
					return claimed(request, task);
				}
				case STALE -> {
					// A double click or an old tab: the step was processed already, so
					// never run it again.
					return new StepEntry.Redirect(Target.TASK, task, null);
				}
				default -> {
					if (System.nanoTime() - deadline >= 0) {
						return new StepEntry.Redirect(Target.TASK, task, null);
					}
					pause(pause);
					pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
				}
			}
		}
	}

	private StepEntry claimed(StepRequest request, Task task) {
		try {
			if (request.kind() == StepRequest.Kind.BACK) {
				if (task.isCompleted() || !task.canGoBack()) {
					release(task);
					return new StepEntry.Redirect(Target.TASK, task, null);
				}
				return new StepEntry.Proceed(task);
			}
			StepAccess access = access(task, request.position());
			if (access == StepAccess.IN_HISTORY) {
				rewind(task, request.position(), request.principal());
			}
			else if (access != StepAccess.CURRENT) {
				release(task);
				return new StepEntry.Redirect(Target.TASK, task, null);
			}
			return serve(request, task, null);
		}
		catch (RuntimeException ex) {
			release(task);
			throw ex;
		}
	}

	/**
	 * Checks the preconditions of the step asked for and of every scaffold around it.
	 * @param beforeProceeding run when they pass, before answering proceed: it may answer
	 * otherwise
	 */
	private StepEntry serve(StepRequest request, Task task, java.util.function.Supplier<StepEntry> beforeProceeding) {
		Position position = (request.position() != null) ? request.position() : task.position();
		PreconditionResult result = checkPreconditions(context(task, request.principal()), position);
		switch (result.kind()) {
			case PASS, SKIP -> {
				StepEntry instead = (beforeProceeding != null) ? beforeProceeding.get() : null;
				return (instead != null) ? instead : new StepEntry.Proceed(task);
			}
			case REDIRECT -> {
				release(task);
				return redirectTarget(task, result.target());
			}
			case LOGIN_REQUIRED -> {
				release(task);
				return new StepEntry.LoginRequired();
			}
			case FORBIDDEN -> {
				release(task);
				return new StepEntry.Refused(Reason.FORBIDDEN, result.message());
			}
			default -> {
				release(task);
				logger.info("Answering 'not found' for step '" + position + "' of " + request.flow() + ": "
						+ result.message());
				return new StepEntry.Refused(Reason.NOT_FOUND, result.message());
			}
		}
	}

	/**
	 * The step a precondition names: where the task has been, else the task's current
	 * step.
	 */
	private StepEntry redirectTarget(Task task, Class<?> target) {
		if (!task.isPersisted()) {
			return new StepEntry.Redirect(Target.ENTRY, null, null);
		}
		for (Position position : task.flow().positionsOf(target)) {
			StepAccess access = access(task, position);
			if (access == StepAccess.CURRENT || access == StepAccess.IN_HISTORY) {
				return new StepEntry.Redirect(Target.STEP, task, position);
			}
		}
		return new StepEntry.Redirect(Target.TASK, task, null);
	}

	/**
	 * The task a stored record holds, if this request may see it; {@code null} for a
	 * missing, expired, unreadable, other flow's or other user's task, alike. A task
	 * first used anonymously is adopted by the user signed in now.
	 */
	private Task visible(StepRequest request, TaskRecord record) {
		if (record != null && record.isExpiredAt(this.clock.instant())) {
			expired(record);
			return null;
		}
		if (!readable(request.flow(), record, request.principal(), request.binding())) {
			return null;
		}
		String user = Owners.of(request.principal());
		Task task;
		try {
			task = this.taskCodec.decode(record, this.registry);
		}
		catch (CorruptTaskException ex) {
			logger.warn("Restarting " + request.flow() + " for task " + TaskRecord.shortId(record.id()) + ": "
					+ ex.getMessage());
			return null;
		}
		task.ownedBy(user.isEmpty() ? record.owner() : user);
		if (task.ownerChanged()) {
			task.rebind(request.binding().bind());
		}
		return task;
	}

	/**
	 * Whether {@code record} is a live task of {@code flow} that this request's user may
	 * see: its binding matches, and it is anonymous or the signed-in user's.
	 */
	private boolean readable(FlowDefinition flow, TaskRecord record, Principal principal, TaskBinding binding) {
		if (record == null || !record.flow().equals(flow.id()) || record.isExpiredAt(this.clock.instant())
				|| !binding.matches(record.binding())) {
			return false;
		}
		// Someone else signed in (or the owner signed out) since the task was last used.
		return record.owner().isEmpty() || record.owner().equals(Owners.of(principal));
	}

	/**
	 * The task {@code taskId} of {@code flow}, for a read-only view such as its graph, by
	 * the rules of every flow URL: empty for a malformed, missing, expired, unreadable,
	 * other flow's or other user's task, alike. Writes nothing: an anonymous task is not
	 * adopted, nor its expiry moved, and {@code binding} is only asked to match.
	 * @throws dev.flows.store.TaskStoreUnavailableException if the store cannot be
	 * reached
	 */
	public Optional<Task> peek(FlowDefinition flow, String taskId, Principal principal, TaskBinding binding) {
		if (taskId == null || !TaskIds.isWellFormed(taskId)) {
			return Optional.empty();
		}
		TaskRecord record = this.store.find(taskId).orElse(null);
		if (!readable(flow, record, principal, binding)) {
			return Optional.empty();
		}
		try {
			return Optional.of(this.taskCodec.decode(record, this.registry));
		}
		catch (CorruptTaskException ex) {
			return Optional.empty();
		}
	}

	private boolean insertClaimed(Task task) {
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(this.timeouts.idleTimeout());
		String token = TaskIds.newId();
		if (!this.store.insertClaimed(this.taskCodec.encode(task, 0, now, expiresAt), token,
				now.plus(this.timeouts.claimTimeout()))) {
			return false;
		}
		task.saved(0, now, expiresAt);
		task.claimed(token);
		started(task, now);
		return true;
	}

	/**
	 * Apply what the step's handler decided and store the result, in one call: the move
	 * (hooks and all), the task's owner (whoever is signed in now: a step that signs
	 * someone in hands the task to them), one save, then the hooks' after-phase and
	 * events. A cancel deletes the task instead of saving it. If anything fails, nothing
	 * is stored and the claim is released.
	 * @throws InvalidTransitionException if {@code at} is not the current step
	 * @throws ForbiddenTransitionException if a hook vetoed the move
	 * @throws dev.flows.state.StateTooLargeException if the state is over the limit
	 * @throws dev.flows.store.StaleTaskException if another request saved the task first
	 */
	public void complete(Task task, Position at, Outcome outcome, Principal principal) {
		complete(task, at, outcome, principal, null);
	}

	/**
	 * Like {@link #complete(Task, Position, Outcome, Principal)}; when the step signed
	 * someone else in, the task is also bound anew through {@code binding}, the
	 * request's.
	 */
	public void complete(Task task, Position at, Outcome outcome, Principal principal, TaskBinding binding) {
		try {
			if (principal != null || task.isPersisted()) {
				task.ownedBy(Owners.of(principal));
				if (task.ownerChanged() && binding != null && task.isPersisted()) {
					task.rebind(binding.bind());
				}
			}
			apply(task, at, outcome, principal);
			if (outcome.kind() != Outcome.Kind.CANCEL && outcome.kind() != Outcome.Kind.REDISPLAY) {
				save(task);
			}
			else if (outcome.kind() == Outcome.Kind.REDISPLAY) {
				// told before the release, which would end the submission as "none"
				task.submitted(SUBMITTED.get(outcome.kind()), null);
				release(task);
			}
			task.submitted(SUBMITTED.get(outcome.kind()), null);
		}
		catch (RuntimeException ex) {
			task.submitted("error", ex);
			release(task);
			throw ex;
		}
	}

	/**
	 * Go back one step and store it, for a task {@link #enter entered} for Back.
	 * @throws InvalidTransitionException if there is no previous step
	 */
	public void goBack(Task task, Principal principal) {
		try {
			back(task, principal);
			save(task);
		}
		catch (RuntimeException ex) {
			release(task);
			throw ex;
		}
	}

	/**
	 * End this request's claim on the task, if it holds one, without storing anything:
	 * the step's handler decided nothing (a redisplay with errors), or failed. Safe to
	 * call more than once.
	 */
	public void release(Task task) {
		task.submitted("none", null);
		String token = task.claimToken();
		if (token != null) {
			task.claimed(null);
			this.store.release(task.id(), token);
		}
	}

	/**
	 * Answer a state value that no longer reads as the type asked for (the application
	 * changed the type since the value was stored): the task goes back to the step that
	 * owns the key, which is asked again, and the answers of that step and later ones are
	 * dropped. If no step of the task owns the key, the task is removed and the flow
	 * restarts.
	 */
	public StepEntry recover(Task task, String key, Principal principal) {
		release(task);
		Task stored;
		try {
			stored = this.store.find(task.id())
				.map((record) -> this.taskCodec.decode(record, this.registry))
				.orElse(null);
		}
		catch (CorruptTaskException ex) {
			stored = null;
		}
		if (stored == null || !stored.isPersisted() || stored.status() != TaskStatus.ACTIVE) {
			return new StepEntry.Unknown();
		}
		List<Position> visited = new ArrayList<>(stored.history());
		visited.add(stored.position());
		int owning = -1;
		for (int i = 0; i < visited.size() && owning < 0; i++) {
			owning = stored.flow()
				.action(visited.get(i))
				.filter((action) -> action.ownedStateKeys().contains(key))
				.isPresent() ? i : -1;
		}
		if (owning < 0) {
			logger.warn("Restarting " + stored.flow() + " for task " + TaskRecord.shortId(stored.id()) + ": state '"
					+ key + "' no longer reads and no step owns it");
			this.store.delete(stored.id());
			return new StepEntry.Unknown();
		}
		logger.warn("Task " + TaskRecord.shortId(stored.id()) + " of " + stored.flow() + ": state '" + key
				+ "' no longer reads; asking step '" + visited.get(owning) + "' again");
		if (owning < stored.history().size()) {
			rewindTo(stored, owning, TransitionKind.REWIND, principal);
		}
		Task asked = stored;
		asked.currentAction().ownedStateKeys().forEach(asked.state()::remove);
		asked.state().remove(key);
		save(asked);
		return new StepEntry.Redirect(Target.TASK, asked, null);
	}

	private static StepEntry malformed() {
		return new StepEntry.Refused(Reason.MALFORMED, "The task id is malformed");
	}

	private static void pause(long millis) {
		try {
			TimeUnit.MILLISECONDS.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for a claimed task", ex);
		}
	}

	private void advance(Task task, Position destination, Outcome outcome, Principal principal) {
		Position from = task.position();
		if (destination == null) {
			move(task, new TransitionEvent(task, TransitionKind.FINISH, from, null, outcome, principal),
					task::complete);
		}
		else {
			move(task, new TransitionEvent(task, TransitionKind.ADVANCE, from, destination, outcome, principal), () -> {
				task.pushHistory(from);
				task.moveTo(destination);
			});
		}
		if (this.observers.isEmpty()) {
			return;
		}
		Instant at = this.clock.instant();
		StepCompletedEvent completed = new StepCompletedEvent(task.id(), task.flow().id(), from.toString(),
				outcome.toString(), Objects.toString(destination, ""), at);
		task.deferAfterPhase(() -> observe(completed));
		if (destination == null) {
			TaskCompletedEvent finished = new TaskCompletedEvent(task.id(), task.flow().id(), from.toString(), at);
			task.deferAfterPhase(() -> observe(finished));
		}
	}

	/**
	 * Tells the observers that {@code task} was stored for the first time, at the step it
	 * started at: moves made before its first save are reported after this.
	 */
	private void started(Task task, Instant at) {
		Position entry = task.history().isEmpty() ? task.position() : task.history().get(0);
		observe(new TaskStartedEvent(task.id(), task.flow().id(), entry.toString(), at));
	}

	/**
	 * An active task found expired is deleted, so that its expiry is reported once: by
	 * whoever deletes it, this request or the cleanup (of this node or another) or a
	 * request of the same task at the same time, as the delete is conditional on the
	 * version read. A completed one is left to the cleanup, as its flow ended well.
	 */
	private void expired(TaskRecord record) {
		if (this.observers.isEmpty() || !TaskStatus.ACTIVE.name().equals(record.status())) {
			return;
		}
		try {
			this.store.delete(record.id(), record.version());
		}
		catch (StaleTaskException ex) {
			// removed or saved by someone else since it was read: theirs to report
			return;
		}
		catch (RuntimeException ex) {
			// Left to the cleanup, and not reported: nothing was stored.
			logger.debug("Expired task " + TaskRecord.shortId(record.id()) + " not removed: " + ex.getMessage());
			return;
		}
		observe(new TaskExpiredEvent(record.id(), record.flow(), record.position(), record.expiresAt()));
	}

	private StepEntry observed(StepRequest request, StepEntry entry) {
		if (entry instanceof StepEntry.Proceed proceed && !this.observers.isEmpty()) {
			Task task = proceed.task();
			String step = ((request.position() != null) ? request.position() : task.position()).toString();
			List<FlowObserver.Submission> submissions = new ArrayList<>(this.observers.size());
			for (FlowObserver observer : this.observers) {
				try {
					submissions.add(observer.onSubmit(task, step));
				}
				catch (RuntimeException ex) {
					logger.warn("Flow observer " + observer + " failed on a submit of '" + step + "'", ex);
				}
			}
			task.submitting((outcome, failure) -> {
				for (FlowObserver.Submission submission : submissions) {
					try {
						submission.ended(outcome, failure);
					}
					catch (RuntimeException ex) {
						logger.warn("Flow observer failed on the end of a submit of '" + step + "'", ex);
					}
				}
			});
		}
		return entry;
	}

	/**
	 * Report a task the cleanup removed because it expired: an active one is announced to
	 * the observers as a {@link TaskExpiredEvent}, as one found expired by a request is;
	 * a completed one, kept only for its completion page, is not.
	 */
	public void expired(ExpiredTask task) {
		if (task.active() && !this.observers.isEmpty()) {
			observe(new TaskExpiredEvent(task.id(), task.flow(), task.position(), task.expiresAt()));
		}
	}

	/**
	 * Tells every observer; a failing one is logged and the others still hear of it,
	 * because the change is stored whatever they do.
	 */
	private void observe(FlowEvent event) {
		for (FlowObserver observer : this.observers) {
			try {
				observer.onEvent(event);
			}
			catch (RuntimeException ex) {
				logger.warn("Flow observer " + observer + " failed on " + event, ex);
			}
		}
	}

	private void rewindTo(Task task, int historyIndex, TransitionKind kind, Principal principal) {
		Position destination = task.history().get(historyIndex);
		move(task, new TransitionEvent(task, kind, task.position(), destination, null, principal), () -> {
			List<Position> dropped = new ArrayList<>(task.history().subList(historyIndex + 1, task.history().size()));
			dropped.add(task.position());
			// A step visited again after the destination (a goTo back to it) is still
			// done at its
			// earlier visit: its answer goes only once the user is back to before every
			// visit.
			List<Position> kept = List.copyOf(task.history().subList(0, historyIndex + 1));
			for (Position abandoned : dropped) {
				if (!kept.contains(abandoned)) {
					task.flow()
						.action(abandoned)
						.ifPresent((action) -> action.ownedStateKeys().forEach(task.state()::remove));
				}
			}
			task.truncateHistory(historyIndex);
			task.moveTo(destination);
		});
	}

	/**
	 * Runs the hooks around {@code change} in the documented order; the after-phase waits
	 * until the move is stored.
	 */
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
		task.appendLog(new TransitionRecord(Objects.toString(event.from(), ""), Objects.toString(event.to(), ""),
				event.kind(), Objects.toString(event.outcome(), null), this.clock.instant()));
		task.deferAfterPhase(() -> {
			for (FlowHook hook : this.hooks) {
				hook.afterTransition(event);
				for (Position position : entered) {
					hook.onEnter(node(task, position), position, event);
				}
			}
		});
	}

	private static int order(FlowHook hook) {
		if (hook instanceof Ordered ordered) {
			return ordered.getOrder();
		}
		Integer order = OrderUtils.getOrder(hook.getClass());
		return (order != null) ? order : Ordered.LOWEST_PRECEDENCE;
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
			throw new InvalidTransitionException(
					"The task has " + ((task.isCompleted()) ? "completed" : "been cancelled"), task.position());
		}
	}

}
