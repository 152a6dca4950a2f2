package dev.flows.engine;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import dev.flows.definition.FlowDefinition;
import dev.flows.definition.FlowRegistry;
import dev.flows.definition.Outcome;
import dev.flows.definition.Position;
import dev.flows.engine.RandomFlow.Node;
import dev.flows.engine.StepEntry.Redirect.Target;
import dev.flows.state.TaskStateCodec;
import dev.flows.store.ClaimResult;
import dev.flows.store.StaleTaskException;
import dev.flows.store.TaskRecord;
import dev.flows.store.TaskStore;
import dev.flows.store.TaskStoreUnavailableException;
import dev.flows.store.memory.InMemoryTaskStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Drives a {@link FlowEngine} over a {@link RandomFlow} through its request API, the way
 * a front end does, one {@link Op} at a time, and checks every answer and the stored task
 * against a model of what the engine should do.
 * <p>
 * The model knows each stored task's position, history, status, version and state, and
 * who holds its claim until when; it is updated only by what should be stored. After
 * every operation the driver checks, for every task it has seen:
 * <ul>
 * <li>the stored task is what the model says (position, history, status, version, and
 * every state value read back as the type it was put as);</li>
 * <li>its position is an action (a leaf) of the flow, and its history holds only actions
 * where the task has been;</li>
 * <li>a task the model says was not saved is stored byte for byte as before (only a page
 * read may move its expiry);</li>
 * <li>hooks' after-phase reported exactly the moves that were stored.</li>
 * </ul>
 * Independently of the model, every {@code Proceed} for a submit (the handler runs) is
 * checked against earlier runs of the same task version: a second run is allowed only if
 * every earlier one was released without saving or its claim lapsed.
 */
final class EngineDriver {

	static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(30);

	static final Instant START = Instant.parse("2030-05-01T09:00:00Z");

	/**
	 * The user, always the same: owners and bindings are not what these properties are
	 * about.
	 */
	private static final Principal USER = null;

	/** A failure made to happen during one operation. */
	enum Fault {

		NONE,
		/** A hook vetoes the first move attempted. */
		VETO_FIRST,
		/** A hook vetoes the second move attempted (a rewound submit's advance). */
		VETO_SECOND,
		/** The store is down when the task is claimed (or inserted claimed). */
		FAIL_CLAIM,
		/** The store is down when the task is saved. */
		FAIL_UPDATE,
		/** The store is down when the task is deleted. */
		FAIL_DELETE

	}

	/** What a step's handler does once it runs. */
	enum Act {

		COMPLETE, GO_TO, GO_TO_UNDECLARED, REDISPLAY, CANCEL,
		/** Fails: the front end releases the claim. */
		THROW,
		/** Never returns (its node stopped): the claim is left to lapse. */
		ABANDON

	}

	/**
	 * A value put into state and the type it is read back as.
	 */
	record Val(Object value, Class<?> type) {

		@Override
		public String toString() {
			return this.type.getSimpleName() + ":" + this.value;
		}

	}

	/**
	 * A handler's behaviour.
	 *
	 * @param act what it decides
	 * @param target which declared target a goTo names, modulo their number
	 * @param value what it puts under the key its step owns
	 * @param pick what it puts under {@link RandomFlow#PICK_KEY}, or {@code null} to
	 * leave it
	 */
	record Handler(Act act, int target, Val value, Integer pick) {

		@Override
		public String toString() {
			return this.act + ((this.act == Act.GO_TO) ? "#" + this.target : "") + " " + this.value
					+ ((this.pick != null) ? " pick=" + this.pick : "");
		}

	}

	/** Where a request is aimed, relative to the task. */
	enum Where {

		CURRENT, HISTORY, ANY

	}

	/** One thing a user (or a node) does. */
	sealed interface Op permits Start, Submit, StaleSubmit, FirstFormAgain, Finish, Back, Cancel, Render, Tick {

	}

	/** Open the entry page, then submit it with the id it rendered. */
	record Start(Handler handler, Fault fault, boolean pending) implements Op {
	}

	/**
	 * Submit a step of the current task at its current version: the current step, one of
	 * the history (a rewind), or any node; {@code pending} leaves the handler running.
	 */
	record Submit(Where where, int index, Handler handler, Fault fault, boolean pending) implements Op {
	}

	/**
	 * Submit any node with a version the task is no longer (or not yet) at: an old tab.
	 */
	record StaleSubmit(int index, int behind) implements Op {
	}

	/**
	 * The entry page's form posted again: its id, no version (a double click, or Back to
	 * it).
	 */
	record FirstFormAgain(Handler handler, Fault fault, boolean pending) implements Op {
	}

	/** A handler left running returns. */
	record Finish(int which, Handler handler, Fault fault) implements Op {
	}

	/** Back, from a page of the current version or a stale one. */
	record Back(boolean stale, Fault fault) implements Op {
	}

	/** Cancel. */
	record Cancel(Fault fault) implements Op {
	}

	/** A page read. */
	record Render(Where where, int index) implements Op {
	}

	/** Time passes. */
	record Tick(int seconds) implements Op {
	}

	/** What a stored task should be. */
	static final class TaskModel {

		int incarnation;

		String position;

		List<String> history = new ArrayList<>();

		boolean completed;

		long version;

		Map<String, Val> state = new LinkedHashMap<>();

		/** The run holding the claim, or {@code null}. */
		Integer holder;

		Instant claimedUntil;

		TaskModel copy() {
			TaskModel copy = new TaskModel();
			copy.incarnation = this.incarnation;
			copy.position = this.position;
			copy.history = new ArrayList<>(this.history);
			copy.completed = this.completed;
			copy.version = this.version;
			copy.state = new LinkedHashMap<>(this.state);
			copy.holder = this.holder;
			copy.claimedUntil = this.claimedUntil;
			return copy;
		}

		boolean claimedAt(Instant now) {
			return this.holder != null && this.claimedUntil.isAfter(now);
		}

		int pick() {
			Val pick = this.state.get(RandomFlow.PICK_KEY);
			return (pick != null) ? (Integer) pick.value() : 0;
		}

		@Override
		public String toString() {
			return "at " + this.position + " after " + this.history + (this.completed ? " COMPLETED" : "") + " v"
					+ this.version + " " + this.state.keySet();
		}

	}

	/** How a handler's run ended. */
	enum Status {

		PENDING, ABANDONED, RELEASED, SAVED, CANCELLED

	}

	/** One run of a step's handler: the engine answered {@code Proceed} to a submit. */
	static final class Run {

		final int number;

		final String taskId;

		final int incarnation;

		final long version;

		final Task task;

		/** What the run's task in memory should be. */
		final TaskModel snapshot;

		/** Moves made in memory, announced once stored. */
		final List<String> unannounced = new ArrayList<>();

		final Instant claimedUntil;

		Status status = Status.PENDING;

		Run(int number, String taskId, int incarnation, long version, Task task, TaskModel snapshot,
				Instant claimedUntil) {
			this.number = number;
			this.taskId = taskId;
			this.incarnation = incarnation;
			this.version = version;
			this.task = task;
			this.snapshot = snapshot;
			this.claimedUntil = claimedUntil;
		}

		@Override
		public String toString() {
			return "run " + this.number + " of " + shortId(this.taskId) + "#" + this.incarnation + " v" + this.version
					+ " " + this.status + " (claim until +" + Duration.between(START, this.claimedUntil).toSeconds()
					+ "s)";
		}

	}

	private final RandomFlow random;

	private final FlowDefinition flow;

	private final MutableClock clock = new MutableClock(START);

	private final InMemoryTaskStore memory = new InMemoryTaskStore();

	private final FaultyStore store = new FaultyStore(this.memory);

	private final List<String> announced = new ArrayList<>();

	private final Hooks hooks = new Hooks(this.announced);

	private final FlowEngine engine;

	private final Map<String, TaskModel> tasks = new HashMap<>();

	private final Set<String> ids = new LinkedHashSet<>();

	/** Per task incarnation: the positions it was stored at as current. */
	private final Map<String, Set<String>> beenAt = new HashMap<>();

	private final List<Run> runs = new ArrayList<>();

	private final List<Run> pending = new ArrayList<>();

	private final List<String> expectedAnnouncements = new ArrayList<>();

	private final List<String> trace = new ArrayList<>();

	/** What happened, for the statistics of a run. */
	private final Set<String> happened = new java.util.TreeSet<>();

	private int incarnations;

	private String currentId;

	/** Moves attempted in this operation, to predict which one a vetoing hook stops. */
	private int moves;

	private int vetoAt;

	EngineDriver(RandomFlow random) {
		this.random = random;
		this.flow = random.flow();
		this.engine = new FlowEngine(new FlowRegistry(List.of(this.flow)), this.store, TaskStateCodec.withDefaults(),
				List.of(this.hooks), this.clock, new TaskTimeouts(Duration.ofHours(2), Duration.ofHours(2),
						Duration.ofMinutes(1), CLAIM_TIMEOUT, Duration.ZERO));
	}

	/** Runs of handlers so far. */
	List<Run> runs() {
		return this.runs;
	}

	/** The kinds of things that happened so far, for statistics. */
	Set<String> happened() {
		return this.happened;
	}

	void run(List<Op> ops) {
		for (Op op : ops) {
			perform(op);
		}
	}

	void perform(Op op) {
		this.trace.add(op + "   [model: " + describeModel() + "]");
		Map<String, TaskRecord> recordsBefore = new HashMap<>();
		Map<String, TaskModel> modelsBefore = new HashMap<>();
		for (String id : this.ids) {
			this.memory.find(id).ifPresent((record) -> recordsBefore.put(id, record));
			Optional.ofNullable(this.tasks.get(id)).ifPresent((model) -> modelsBefore.put(id, model.copy()));
		}
		this.announced.clear();
		this.expectedAnnouncements.clear();
		this.moves = 0;
		Fault fault = fault(op);
		this.vetoAt = (fault == Fault.VETO_FIRST) ? 1 : (fault == Fault.VETO_SECOND) ? 2 : 0;
		this.hooks.arm(this.vetoAt);
		this.store.fault = fault;
		try {
			if (op instanceof Start start) {
				start(start);
			}
			else if (op instanceof Submit submit) {
				submit(submit);
			}
			else if (op instanceof StaleSubmit stale) {
				staleSubmit(stale);
			}
			else if (op instanceof FirstFormAgain again) {
				firstForm(this.currentId, again.handler(), again.fault(), again.pending());
			}
			else if (op instanceof Finish finish) {
				finish(finish);
			}
			else if (op instanceof Back back) {
				back(back);
			}
			else if (op instanceof Cancel cancel) {
				cancel(cancel);
			}
			else if (op instanceof Render render) {
				render(render);
			}
			else if (op instanceof Tick tick) {
				this.clock.advance(Duration.ofSeconds(tick.seconds()));
			}
		}
		finally {
			this.hooks.arm(0);
			if (this.store.failed) {
				this.happened.add("store down: " + fault);
			}
			this.store.fault = Fault.NONE;
			this.store.failed = false;
		}
		verify(recordsBefore, modelsBefore, op instanceof Render);
	}

	private static Fault fault(Op op) {
		if (op instanceof Start start) {
			return start.fault();
		}
		if (op instanceof Submit submit) {
			return submit.fault();
		}
		if (op instanceof FirstFormAgain again) {
			return again.fault();
		}
		if (op instanceof Finish finish) {
			return finish.fault();
		}
		if (op instanceof Back back) {
			return back.fault();
		}
		if (op instanceof Cancel cancel) {
			return cancel.fault();
		}
		return Fault.NONE;
	}

	// --- operations
	// -------------------------------------------------------------------------------

	private void start(Start start) {
		Task fresh = proceeded(this.engine.enter(request(StepRequest.Kind.ENTRY, null, null, null)));
		assertThat(fresh.isPersisted()).as(context("the entry page stores nothing")).isFalse();
		assertThat(fresh.position()).as(context("the entry page")).hasToString(this.random.entry(0));
		this.currentId = fresh.id();
		this.ids.add(fresh.id());
		firstForm(fresh.id(), start.handler(), start.fault(), start.pending());
	}

	private void firstForm(String id, Handler handler, Fault fault, boolean pending) {
		String entry = this.random.entry(0);
		TaskModel model = this.tasks.get(id);
		if (model != null) {
			// Stored already: the engine claims it at version 0, like any submit.
			claimAndServe(id, entry, 0L, handler, fault, pending);
			return;
		}
		StepRequest request = request(StepRequest.Kind.SUBMIT, entry, id, null);
		if (fault == Fault.FAIL_CLAIM) {
			assertThatExceptionOfType(TaskStoreUnavailableException.class).as(context("first submit, store down"))
				.isThrownBy(() -> enterSubmit(request));
			return;
		}
		StepEntry answer = enterSubmit(request);
		Task task = proceeded(answer);
		TaskModel created = new TaskModel();
		created.incarnation = ++this.incarnations;
		created.position = entry;
		created.version = 0;
		Run run = newRun(id, created.incarnation, 0, task, created.copy());
		created.holder = run.number;
		created.claimedUntil = run.claimedUntil;
		this.tasks.put(id, created);
		this.beenAt.computeIfAbsent(key(id, created.incarnation), (k) -> new LinkedHashSet<>()).add(entry);
		proceed(run, handler, fault, pending);
	}

	private void submit(Submit submit) {
		TaskModel model = this.tasks.get(this.currentId);
		if (model == null) {
			claimAndServe(this.currentId, this.random.entry(0), 0L, submit.handler(), submit.fault(), submit.pending());
			return;
		}
		claimAndServe(this.currentId, aim(submit.where(), submit.index(), model), model.version, submit.handler(),
				submit.fault(), submit.pending());
	}

	private void staleSubmit(StaleSubmit stale) {
		TaskModel model = this.tasks.get(this.currentId);
		String position = aim(Where.ANY, stale.index(), model);
		long version = (model != null) ? staleVersion(model.version, stale.behind()) : 0L;
		claimAndServe(this.currentId, position, version, new Handler(Act.COMPLETE, 0, new Val(0, Integer.class), null),
				Fault.NONE, false);
	}

	/**
	 * A submit with a task id and version: claim, then serve the step, rewinding to it if
	 * need be.
	 */
	private void claimAndServe(String id, String position, long version, Handler handler, Fault fault,
			boolean pending) {
		StepRequest request = request(StepRequest.Kind.SUBMIT, position, id, version);
		TaskModel model = this.tasks.get(id);
		String what = "submit " + position + " v" + version;
		if (fault == Fault.FAIL_CLAIM) {
			assertThatExceptionOfType(TaskStoreUnavailableException.class).as(context(what + ", store down"))
				.isThrownBy(() -> enterSubmit(request));
			return;
		}
		if (model == null) {
			assertThat(enterSubmit(request)).as(context(what + " of a task not stored"))
				.isEqualTo(new StepEntry.Unknown());
			return;
		}
		Instant now = this.clock.instant();
		if (model.version != version || model.claimedAt(now)) {
			this.happened.add((model.version != version) ? "submit: stale" : "submit: busy");
			redirectedToTask(enterSubmit(request), id, what + ((model.version != version) ? " (stale)" : " (claimed)"));
			return;
		}
		// The request claims the task (taking over a lapsed claim) ...
		boolean current = position.equals(model.position);
		boolean inHistory = !current && model.history.contains(position);
		if (model.completed || (!current && !inHistory)) {
			this.happened.add(model.completed ? "submit: finished" : "submit: not reached");
			// ... and releases it: nothing to serve there.
			redirectedToTask(enterSubmit(request), id, what + " (finished or not reached)");
			model.holder = null;
			return;
		}
		if (inHistory && vetoed()) {
			this.happened.add("rewind vetoed");
			assertThatExceptionOfType(ForbiddenTransitionException.class).as(context(what + ", rewind vetoed"))
				.isThrownBy(() -> enterSubmit(request));
			model.holder = null;
			return;
		}
		Task task = proceeded(enterSubmit(request));
		TaskModel snapshot = model.copy();
		snapshot.holder = null;
		Run run = newRun(id, model.incarnation, version, task, snapshot);
		if (inHistory) {
			this.happened.add("rewind");
			rewind(snapshot, snapshot.history.lastIndexOf(position));
			run.unannounced.add("REWIND " + position);
		}
		if (model.holder != null) {
			this.happened.add("lapsed claim taken over");
		}
		model.holder = run.number;
		model.claimedUntil = run.claimedUntil;
		proceed(run, handler, fault, pending);
	}

	/** The handler runs; unless left pending, it returns and the front end completes. */
	private void proceed(Run run, Handler handler, Fault fault, boolean pending) {
		Task task = run.task;
		assertThat(task.version()).as(context("version of the task handed to the handler")).isEqualTo(run.version);
		assertThat(task.position()).as(context("position handed to the handler")).hasToString(run.snapshot.position);
		assertThat(strings(task.history())).as(context("history handed to the handler"))
			.isEqualTo(run.snapshot.history);
		assertState(task, run.snapshot, "state handed to the handler");
		if (pending) {
			this.happened.add("handler left running");
			this.pending.add(run);
			return;
		}
		finish(run, handler, fault);
	}

	private void finish(Finish finish) {
		if (this.pending.isEmpty()) {
			return;
		}
		Run run = this.pending.remove(Math.floorMod(finish.which(), this.pending.size()));
		finish(run, finish.handler(), finish.fault());
	}

	private void finish(Run run, Handler handler, Fault fault) {
		TaskModel model = this.tasks.get(run.taskId);
		boolean holds = model != null && model.incarnation == run.incarnation
				&& Objects.equals(model.holder, run.number);
		String what = "handler of " + run + " returns " + handler;
		switch (handler.act()) {
			case THROW -> {
				this.engine.release(run.task);
				release(model, holds, run);
				return;
			}
			case ABANDON -> {
				run.status = Status.ABANDONED;
				return;
			}
			default -> {
			}
		}
		TaskModel snapshot = run.snapshot;
		Node action = this.random.node(snapshot.position);
		run.task.state().put(action.ownedKey(), handler.value().value());
		snapshot.state.put(action.ownedKey(), handler.value());
		if (handler.pick() != null) {
			run.task.state().put(RandomFlow.PICK_KEY, handler.pick());
			snapshot.state.put(RandomFlow.PICK_KEY, new Val(handler.pick(), Integer.class));
		}
		Position at = Position.parse(snapshot.position);
		Act act = (handler.act() == Act.GO_TO && action.targets.isEmpty()) ? Act.COMPLETE : handler.act();
		switch (act) {
			case REDISPLAY -> {
				assertThatNoException().as(context(what))
					.isThrownBy(() -> this.engine.complete(run.task, at, Outcome.redisplay(), USER));
				release(model, holds, run);
			}
			case GO_TO_UNDECLARED -> {
				assertThatExceptionOfType(InvalidTransitionException.class).as(context(what))
					.isThrownBy(() -> this.engine.complete(run.task, at, Outcome.goTo(RandomFlow.Stray.class), USER));
				release(model, holds, run);
			}
			case CANCEL -> {
				if (vetoed()) {
					assertThatExceptionOfType(ForbiddenTransitionException.class).as(context(what + ", vetoed"))
						.isThrownBy(() -> this.engine.complete(run.task, at, Outcome.cancel(), USER));
					release(model, holds, run);
				}
				else if (fault == Fault.FAIL_DELETE) {
					assertThatExceptionOfType(TaskStoreUnavailableException.class).as(context(what + ", store down"))
						.isThrownBy(() -> this.engine.complete(run.task, at, Outcome.cancel(), USER));
					release(model, holds, run);
				}
				else if (model == null || model.incarnation != run.incarnation || model.version != run.version) {
					// The delete is conditional on the version the run loaded: a cancel
					// decided after someone saved over it (or removed it) removes
					// nothing.
					this.happened.add("cancel refused: saved or deleted meanwhile");
					assertThatExceptionOfType(StaleTaskException.class).as(context(what + ", saved meanwhile"))
						.isThrownBy(() -> this.engine.complete(run.task, at, Outcome.cancel(), USER));
					release(model, holds, run);
				}
				else {
					assertThatNoException().as(context(what))
						.isThrownBy(() -> this.engine.complete(run.task, at, Outcome.cancel(), USER));
					this.tasks.remove(run.taskId);
					this.happened.add("cancelled by a handler");
					this.expectedAnnouncements.addAll(run.unannounced);
					this.expectedAnnouncements.add("CANCEL null");
					run.status = Status.CANCELLED;
				}
			}
			case COMPLETE, GO_TO -> {
				Outcome outcome;
				String destination;
				if (act == Act.GO_TO) {
					List<Integer> targets = new ArrayList<>(action.targets);
					int target = targets.get(Math.floorMod(handler.target(), targets.size()));
					outcome = Outcome.goTo(RandomFlow.POOL[target]);
					destination = this.random.goTo(snapshot.position, target);
				}
				else {
					outcome = Outcome.complete();
					destination = this.random.advance(snapshot.position, snapshot.pick());
				}
				if (vetoed()) {
					assertThatExceptionOfType(ForbiddenTransitionException.class).as(context(what + ", vetoed"))
						.isThrownBy(() -> this.engine.complete(run.task, at, outcome, USER));
					release(model, holds, run);
					return;
				}
				if (destination == null) {
					snapshot.completed = true;
					run.unannounced.add("FINISH null");
				}
				else {
					snapshot.history.add(snapshot.position);
					snapshot.position = destination;
					run.unannounced.add("ADVANCE " + destination);
				}
				if (fault == Fault.FAIL_UPDATE) {
					assertThatExceptionOfType(TaskStoreUnavailableException.class).as(context(what + ", store down"))
						.isThrownBy(() -> this.engine.complete(run.task, at, outcome, USER));
					release(model, holds, run);
					return;
				}
				if (model == null || model.version != run.version) {
					this.happened.add("save refused: saved or deleted meanwhile");
					assertThatExceptionOfType(StaleTaskException.class).as(context(what + ", saved meanwhile"))
						.isThrownBy(() -> this.engine.complete(run.task, at, outcome, USER));
					release(model, holds, run);
					return;
				}
				assertThatNoException().as(context(what))
					.isThrownBy(() -> this.engine.complete(run.task, at, outcome, USER));
				TaskModel saved = snapshot.copy();
				saved.incarnation = model.incarnation;
				saved.version = run.version + 1;
				saved.holder = null;
				this.tasks.put(run.taskId, saved);
				this.expectedAnnouncements.addAll(run.unannounced);
				run.status = Status.SAVED;
				this.happened.add(saved.completed ? "flow completed" : "saved " + act);
			}
			default -> throw new IllegalStateException(act.toString());
		}
	}

	private static void release(TaskModel model, boolean holds, Run run) {
		if (holds) {
			model.holder = null;
		}
		run.status = Status.RELEASED;
	}

	private void back(Back back) {
		String id = this.currentId;
		TaskModel model = this.tasks.get(id);
		long version = (model == null) ? 0L : back.stale() ? staleVersion(model.version, 0) : model.version;
		StepRequest request = request(StepRequest.Kind.BACK, null, id, version);
		String what = "back v" + version;
		if (back.fault() == Fault.FAIL_CLAIM) {
			assertThatExceptionOfType(TaskStoreUnavailableException.class).as(context(what + ", store down"))
				.isThrownBy(() -> this.engine.enter(request));
			return;
		}
		if (model == null) {
			assertThat(this.engine.enter(request)).as(context(what + " of a task not stored"))
				.isEqualTo(new StepEntry.Unknown());
			return;
		}
		if (model.version != version || model.claimedAt(this.clock.instant())) {
			redirectedToTask(this.engine.enter(request), id, what);
			return;
		}
		if (model.completed || model.history.isEmpty()) {
			redirectedToTask(this.engine.enter(request), id, what + " with nowhere to go");
			model.holder = null;
			return;
		}
		Task task = proceeded(this.engine.enter(request));
		if (vetoed()) {
			assertThatExceptionOfType(ForbiddenTransitionException.class).as(context(what + ", vetoed"))
				.isThrownBy(() -> this.engine.goBack(task, USER));
			model.holder = null;
			return;
		}
		if (back.fault() == Fault.FAIL_UPDATE) {
			assertThatExceptionOfType(TaskStoreUnavailableException.class).as(context(what + ", store down"))
				.isThrownBy(() -> this.engine.goBack(task, USER));
			model.holder = null;
			return;
		}
		assertThatNoException().as(context(what)).isThrownBy(() -> this.engine.goBack(task, USER));
		TaskModel saved = model.copy();
		rewind(saved, saved.history.size() - 1);
		saved.version++;
		saved.holder = null;
		this.tasks.put(id, saved);
		this.expectedAnnouncements.add("BACK " + saved.position);
		this.happened.add("back saved");
	}

	private void cancel(Cancel cancel) {
		String id = this.currentId;
		TaskModel model = this.tasks.get(id);
		StepRequest request = request(StepRequest.Kind.CANCEL, null, id, (model != null) ? model.version : 0L);
		if (model == null) {
			assertThat(this.engine.enter(request)).as(context("cancel of a task not stored"))
				.isEqualTo(new StepEntry.Unknown());
			return;
		}
		if (model.completed) {
			redirectedToTask(this.engine.enter(request), id, "cancel of a completed task");
			return;
		}
		Task task = proceeded(this.engine.enter(request));
		if (vetoed()) {
			assertThatExceptionOfType(ForbiddenTransitionException.class).as(context("cancel, vetoed"))
				.isThrownBy(() -> this.engine.cancel(task, USER));
			return;
		}
		if (cancel.fault() == Fault.FAIL_DELETE) {
			assertThatExceptionOfType(TaskStoreUnavailableException.class).as(context("cancel, store down"))
				.isThrownBy(() -> this.engine.cancel(task, USER));
			return;
		}
		assertThatNoException().as(context("cancel")).isThrownBy(() -> this.engine.cancel(task, USER));
		this.tasks.remove(id);
		this.happened.add("cancelled");
		this.expectedAnnouncements.add("CANCEL null");
	}

	private void render(Render render) {
		String id = this.currentId;
		TaskModel model = this.tasks.get(id);
		String position = aim(render.where(), render.index(), model);
		StepEntry answer = this.engine.enter(request(StepRequest.Kind.RENDER, position, id, null));
		String what = "render " + position;
		if (model == null) {
			assertThat(answer).as(context(what + " of a task not stored")).isEqualTo(new StepEntry.Unknown());
		}
		else if (!model.completed && (position.equals(model.position) || model.history.contains(position))) {
			assertThat(proceeded(answer).position()).as(context(what)).hasToString(model.position);
		}
		else {
			redirectedToTask(answer, id, what);
		}
	}

	// --- the model
	// ----------------------------------------------------------------------------------

	/**
	 * Rewind to the history entry at {@code index}: the steps after it are dropped, and
	 * the state keys owned by dropped steps, unless a step that is kept owns them too
	 * (the documented rule: a step's keys are cleared when the user rewinds to before
	 * it).
	 */
	private void rewind(TaskModel model, int index) {
		String destination = model.history.get(index);
		List<String> dropped = new ArrayList<>(model.history.subList(index + 1, model.history.size()));
		dropped.add(model.position);
		List<String> kept = model.history.subList(0, index + 1);
		for (String position : dropped) {
			if (!kept.contains(position)) {
				model.state.remove(this.random.node(position).ownedKey());
			}
		}
		model.history = new ArrayList<>(model.history.subList(0, index));
		model.position = destination;
	}

	/** Whether the move about to be attempted is the one the vetoing hook stops. */
	private boolean vetoed() {
		boolean vetoed = ++this.moves == this.vetoAt;
		if (vetoed) {
			this.happened.add("move vetoed");
		}
		return vetoed;
	}

	private String aim(Where where, int index, TaskModel model) {
		List<String> candidates = switch (where) {
			case CURRENT -> (model != null) ? List.of(model.position) : List.of();
			case HISTORY -> (model != null) ? model.history : List.of();
			case ANY -> this.random.nodes().stream().map(Node::toString).toList();
		};
		if (candidates.isEmpty()) {
			return (model != null) ? model.position : this.random.entry(0);
		}
		return candidates.get(Math.floorMod(index, candidates.size()));
	}

	private static long staleVersion(long version, int behind) {
		long older = version - 1 - behind;
		return (older >= 0) ? older : version + 1 + behind;
	}

	// --- checks
	// -------------------------------------------------------------------------------------

	/**
	 * Enter a submit; if the engine lets the handler run, check that no earlier run of
	 * the same task version still holds a live claim or was saved.
	 */
	private StepEntry enterSubmit(StepRequest request) {
		StepEntry answer = this.engine.enter(request);
		if (answer instanceof StepEntry.Proceed proceed) {
			Task task = proceed.task();
			TaskModel model = this.tasks.get(task.id());
			int incarnation = (model != null) ? model.incarnation : this.incarnations + 1;
			Instant now = this.clock.instant();
			for (Run earlier : this.runs) {
				if (earlier.taskId.equals(task.id()) && earlier.incarnation == incarnation
						&& earlier.version == task.version()) {
					boolean lapsed = (earlier.status == Status.PENDING || earlier.status == Status.ABANDONED)
							&& !earlier.claimedUntil.isAfter(now);
					assertThat(earlier.status == Status.RELEASED || lapsed)
						.as(context("the handler runs again for version " + task.version() + " while " + earlier))
						.isTrue();
				}
			}
		}
		return answer;
	}

	private Run newRun(String id, int incarnation, long version, Task task, TaskModel snapshot) {
		Run run = new Run(this.runs.size() + 1, id, incarnation, version, task, snapshot,
				this.clock.instant().plus(CLAIM_TIMEOUT));
		this.runs.add(run);
		return run;
	}

	private void verify(Map<String, TaskRecord> recordsBefore, Map<String, TaskModel> modelsBefore, boolean read) {
		for (String id : this.ids) {
			TaskModel model = this.tasks.get(id);
			Optional<TaskRecord> record = this.memory.find(id);
			if (model == null) {
				assertThat(record).as(context("task " + shortId(id) + " is not stored")).isEmpty();
				continue;
			}
			assertThat(record).as(context("task " + shortId(id) + " is stored")).isPresent();
			Task stored = this.engine.load(id);
			String what = "stored task " + shortId(id);
			assertThat(this.flow.action(stored.position())).as(context(what + ": its position is an action"))
				.isPresent();
			Set<String> visited = this.beenAt.computeIfAbsent(key(id, model.incarnation), (k) -> new LinkedHashSet<>());
			for (Position visitedBefore : stored.history()) {
				assertThat(this.flow.action(visitedBefore)).as(context(what + ": history holds actions")).isPresent();
				assertThat(visited).as(context(what + ": history holds only positions the task was at"))
					.contains(visitedBefore.toString());
			}
			visited.add(stored.position().toString());
			assertThat(stored.position()).as(context(what + ": position")).hasToString(model.position);
			assertThat(strings(stored.history())).as(context(what + ": history")).isEqualTo(model.history);
			assertThat(stored.status()).as(context(what + ": status"))
				.isEqualTo(model.completed ? TaskStatus.COMPLETED : TaskStatus.ACTIVE);
			assertThat(stored.version()).as(context(what + ": version")).isEqualTo(model.version);
			assertState(stored, model, what + ": state");
			TaskModel before = modelsBefore.get(id);
			TaskRecord recordBefore = recordsBefore.get(id);
			if (before != null && recordBefore != null && before.incarnation == model.incarnation
					&& before.version == model.version) {
				TaskRecord after = record.get();
				if (read) {
					after = after.withExpiresAt(recordBefore.expiresAt());
				}
				assertThat(after).as(context(what + " is unchanged: nothing was saved")).isEqualTo(recordBefore);
			}
		}
		assertThat(this.announced).as(context("moves announced by hooks' after-phase"))
			.isEqualTo(this.expectedAnnouncements);
	}

	private void assertState(Task task, TaskModel model, String what) {
		assertThat(task.state().keys()).as(context(what + ": keys")).isEqualTo(new TreeSet<>(model.state.keySet()));
		model.state.forEach((key, value) -> assertThat(task.state().get(key, value.type()))
			.as(context(what + ": '" + key + "' reads back as put"))
			.isEqualTo(value.value()));
	}

	private void redirectedToTask(StepEntry answer, String id, String what) {
		assertThat(answer).as(context(what)).isInstanceOf(StepEntry.Redirect.class);
		StepEntry.Redirect redirect = (StepEntry.Redirect) answer;
		assertThat(redirect.target()).as(context(what)).isEqualTo(Target.TASK);
		assertThat(redirect.task().id()).as(context(what)).isEqualTo(id);
	}

	private Task proceeded(StepEntry answer) {
		assertThat(answer).as(context("expected to proceed")).isInstanceOf(StepEntry.Proceed.class);
		return ((StepEntry.Proceed) answer).task();
	}

	private StepRequest request(StepRequest.Kind kind, String position, String id, Long version) {
		return new StepRequest(this.flow, kind, (position != null) ? Position.parse(position) : null, id, version, USER,
				TaskBinding.NONE);
	}

	/**
	 * A description of a check, with how the run got there, built only if the check
	 * fails.
	 */
	private Supplier<String> context(String what) {
		return () -> describe(what);
	}

	private String describe(String what) {
		StringBuilder text = new StringBuilder(what).append("\nflow: ")
			.append(this.random.shape())
			.append("\noperations so far:");
		for (int i = 0; i < this.trace.size(); i++) {
			text.append("\n  ").append(i + 1).append(". ").append(this.trace.get(i));
		}
		text.append("\nruns: ").append(this.runs);
		return text.toString();
	}

	private String describeModel() {
		TaskModel model = (this.currentId != null) ? this.tasks.get(this.currentId) : null;
		return (model != null) ? model.toString() : "no stored task";
	}

	private static List<String> strings(List<Position> positions) {
		return positions.stream().map(Position::toString).toList();
	}

	private static String key(String id, int incarnation) {
		return id + "#" + incarnation;
	}

	private static String shortId(String id) {
		return TaskRecord.shortId(id);
	}

	// --- collaborators
	// ------------------------------------------------------------------------------

	/** The memory store, down on demand for claims, saves or deletes. */
	static final class FaultyStore implements TaskStore {

		private final TaskStore delegate;

		Fault fault = Fault.NONE;

		boolean failed;

		FaultyStore(TaskStore delegate) {
			this.delegate = delegate;
		}

		private void failIf(Fault failing) {
			if (this.fault == failing) {
				this.failed = true;
				throw new TaskStoreUnavailableException("The store is down (" + failing + ")", null);
			}
		}

		@Override
		public Optional<TaskRecord> find(String id) {
			return this.delegate.find(id);
		}

		@Override
		public void insert(TaskRecord record) {
			this.delegate.insert(record);
		}

		@Override
		public boolean insertClaimed(TaskRecord record, String claimToken, Instant claimedUntil) {
			failIf(Fault.FAIL_CLAIM);
			return this.delegate.insertClaimed(record, claimToken, claimedUntil);
		}

		@Override
		public ClaimResult claim(String id, long version, String claimToken, Instant now, Instant claimedUntil) {
			failIf(Fault.FAIL_CLAIM);
			return this.delegate.claim(id, version, claimToken, now, claimedUntil);
		}

		@Override
		public void release(String id, String claimToken) {
			this.delegate.release(id, claimToken);
		}

		@Override
		public void update(TaskRecord record, long expectedVersion) {
			failIf(Fault.FAIL_UPDATE);
			this.delegate.update(record, expectedVersion);
		}

		@Override
		public boolean touch(String id, Instant expiresAt) {
			return this.delegate.touch(id, expiresAt);
		}

		@Override
		public void delete(String id) {
			failIf(Fault.FAIL_DELETE);
			this.delegate.delete(id);
		}

		@Override
		public int deleteExpired(Instant now, int batchSize) {
			return this.delegate.deleteExpired(now, batchSize);
		}

	}

	/**
	 * Vetoes the n-th move of an operation on demand, and records the moves announced.
	 */
	static final class Hooks implements FlowHook {

		private final List<String> announced;

		private int vetoAt;

		private int checks;

		Hooks(List<String> announced) {
			this.announced = announced;
		}

		/** Veto the {@code vetoAt}-th move from now on; 0 for none. */
		void arm(int vetoAt) {
			this.vetoAt = vetoAt;
			this.checks = 0;
		}

		@Override
		public Optional<String> check(TransitionEvent event) {
			return (++this.checks == this.vetoAt) ? Optional.of("vetoed by the test") : Optional.empty();
		}

		@Override
		public void afterTransition(TransitionEvent event) {
			this.announced.add(event.kind() + " " + event.to());
		}

	}

}
