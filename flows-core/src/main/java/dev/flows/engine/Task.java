package dev.flows.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.flows.definition.ActionDefinition;
import dev.flows.definition.FlowDefinition;
import dev.flows.definition.Position;
import dev.flows.state.TaskState;

/**
 * One running instance of a flow: its id, position, history, state and status. Handlers
 * may take it as an argument to read where the task is and to work with its
 * {@link #state()}; only the {@link FlowEngine} moves it.
 */
public final class Task {

	/** Keeps stored rows small: older entries are dropped. */
	static final int MAX_LOG_ENTRIES = 20;

	private final String id;

	private final FlowDefinition flow;

	private final TaskState state;

	private String binding;

	/** Who the task belongs to: a digest of a user name, or empty while anonymous. */
	private String owner;

	private boolean ownerChanged;

	/** This request's claim on the stored task, while it holds one. */
	private String claimToken;

	/** The submit of a step being handled, while observers watch one. */
	private FlowObserver.Submission submission;

	/** The after-phase of moves made in memory, run once they are stored. */
	private final List<Runnable> unannounced = new ArrayList<>();

	private final Instant createdAt;

	private final List<Position> history;

	/** Read lazily: pages that only show the task never pay for parsing its log. */
	private final TaskLog log;

	private Position position;

	private TaskStatus status;

	private long version;

	private boolean persisted;

	private Instant updatedAt;

	private Instant expiresAt;

	Task(String id, FlowDefinition flow, Position position, List<Position> history, TaskState state, TaskLog log,
			String binding, String owner, TaskStatus status, long version, boolean persisted, Instant createdAt,
			Instant updatedAt, Instant expiresAt) {
		this.id = id;
		this.flow = flow;
		this.position = position;
		this.history = new ArrayList<>(history);
		this.state = state;
		this.log = log;
		this.binding = binding;
		this.owner = owner;
		this.status = status;
		this.version = version;
		this.persisted = persisted;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.expiresAt = expiresAt;
	}

	/** The task id, the value of the {@code _id} parameter. */
	public String id() {
		return this.id;
	}

	/** The flow the task runs. */
	public FlowDefinition flow() {
		return this.flow;
	}

	/** The current action's position. */
	public Position position() {
		return this.position;
	}

	/** The current action. */
	public ActionDefinition currentAction() {
		return this.flow.action(this.position)
			.orElseThrow(() -> new IllegalStateException("No action at " + this.position + " in " + this.flow));
	}

	/** The positions visited before the current one, oldest first. */
	public List<Position> history() {
		return Collections.unmodifiableList(this.history);
	}

	/** The task's key/value state. */
	public TaskState state() {
		return this.state;
	}

	/** Every move so far, oldest first (the latest {@value #MAX_LOG_ENTRIES}). */
	public List<TransitionRecord> log() {
		return Collections.unmodifiableList(this.log.entries());
	}

	/** The log as the codec writes it. */
	TaskLog storedLog() {
		return this.log;
	}

	/** What ties the task to the user who started it. */
	public String binding() {
		return this.binding;
	}

	/**
	 * Who the task belongs to: a digest of the signed-in user's name, or empty while
	 * anonymous.
	 */
	String owner() {
		return this.owner;
	}

	void rebind(String newBinding) {
		this.binding = newBinding;
	}

	void ownedBy(String newOwner) {
		if (!newOwner.equals(this.owner)) {
			this.owner = newOwner;
			this.ownerChanged = true;
		}
	}

	/** Whether the owner changed since the task was loaded or saved. */
	boolean ownerChanged() {
		return this.ownerChanged;
	}

	String claimToken() {
		return this.claimToken;
	}

	void claimed(String token) {
		this.claimToken = token;
	}

	void submitting(FlowObserver.Submission newSubmission) {
		this.submission = newSubmission;
	}

	/** Tells the submission being handled, if any, how it ended; once. */
	void submitted(String outcome, Throwable failure) {
		FlowObserver.Submission ended = this.submission;
		if (ended != null) {
			this.submission = null;
			ended.ended(outcome, failure);
		}
	}

	void deferAfterPhase(Runnable afterPhase) {
		this.unannounced.add(afterPhase);
	}

	/** The after-phase of the moves now stored, removed from the task. */
	List<Runnable> takeAfterPhase() {
		List<Runnable> taken = List.copyOf(this.unannounced);
		this.unannounced.clear();
		return taken;
	}

	/** Active, completed, or (in memory only, after {@code cancel}) cancelled. */
	public TaskStatus status() {
		return this.status;
	}

	/** Whether the flow completed. */
	public boolean isCompleted() {
		return this.status == TaskStatus.COMPLETED;
	}

	/**
	 * The stored version; a form rendered at one version cannot be replayed at another.
	 */
	public long version() {
		return this.version;
	}

	/** Whether the task has been saved at least once. */
	public boolean isPersisted() {
		return this.persisted;
	}

	/** When the task was created. */
	public Instant createdAt() {
		return this.createdAt;
	}

	/** When the task was last saved. */
	public Instant updatedAt() {
		return this.updatedAt;
	}

	/** When the task expires unless it is used. */
	public Instant expiresAt() {
		return this.expiresAt;
	}

	/** Whether there is a previous step to go back to. */
	public boolean canGoBack() {
		return !this.history.isEmpty() && this.status == TaskStatus.ACTIVE;
	}

	void moveTo(Position newPosition) {
		this.position = newPosition;
	}

	void pushHistory(Position visited) {
		this.history.add(visited);
	}

	/** Drops the history from {@code index} on. */
	void truncateHistory(int index) {
		this.history.subList(index, this.history.size()).clear();
	}

	void appendLog(TransitionRecord record) {
		this.log.append(record);
	}

	void complete() {
		this.status = TaskStatus.COMPLETED;
	}

	void cancelled() {
		this.claimToken = null;
		this.status = TaskStatus.CANCELLED;
	}

	void saved(long newVersion, Instant savedAt, Instant newExpiresAt) {
		this.claimToken = null;
		this.ownerChanged = false;
		this.version = newVersion;
		this.persisted = true;
		this.updatedAt = savedAt;
		this.expiresAt = newExpiresAt;
	}

	void touched(Instant newExpiresAt) {
		this.expiresAt = newExpiresAt;
	}

	@Override
	public String toString() {
		return "Task[" + this.id.substring(0, Math.min(6, this.id.length())) + "…, " + this.flow.id() + " at '"
				+ this.position + "', " + this.status + ", v" + this.version + "]";
	}

}
