package dev.flows.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Where tasks live between requests. Implementations: {@code memory}, {@code jpa} and
 * {@code redis}, chosen with {@code flows.store.type}; an application may supply its own
 * bean.
 * <p>
 * A store holds {@link TaskRecord}s and never interprets their JSON. Every method may
 * throw {@link TaskStoreUnavailableException} when the backing service cannot be reached.
 * <p>
 * <strong>Claims.</strong> Before a step's handler runs, the engine claims the task at
 * the version the user submitted, so that a duplicate of the same submit (a double click,
 * a retry reaching another node) finds the task claimed and never runs the handler a
 * second time. A claim is a token and a time after which it lapses, kept with the task in
 * the shared store: a node that stops while holding one blocks the task for that long at
 * most. {@link #update} and {@link #delete} end any claim; {@link #touch} keeps it.
 */
public interface TaskStore {

	/**
	 * Find a task by id. A store may return a record that has expired but not yet been
	 * cleaned up; the engine checks {@link TaskRecord#expiresAt()}.
	 */
	Optional<TaskRecord> find(String id);

	/**
	 * Store a new task.
	 * @throws IllegalStateException if a task with that id exists
	 */
	void insert(TaskRecord record);

	/**
	 * Store a new task that the caller claims at once, for the first submit of a flow: a
	 * duplicate of that submit finds the task claimed (see {@link #claim}).
	 * @param claimToken the caller's claim token
	 * @param claimedUntil when the claim lapses
	 * @return {@code false}, changing nothing, if a task with that id exists
	 */
	boolean insertClaimed(TaskRecord record, String claimToken, Instant claimedUntil);

	/**
	 * Claim a task at {@code version} for the request holding {@code claimToken}, and
	 * read it, in one atomic step. The claim succeeds if the stored version is
	 * {@code version} and no other claim is live at {@code now} (a lapsed claim is taken
	 * over).
	 * @param claimedUntil when this claim lapses
	 * @return the outcome, with the stored task unless it is missing
	 */
	ClaimResult claim(String id, long version, String claimToken, Instant now, Instant claimedUntil);

	/**
	 * End the claim {@code claimToken} holds on a task, if it still does; a claim taken
	 * over by someone else since, or a task saved or deleted since, is left as it is.
	 */
	void release(String id, String claimToken);

	/**
	 * Replace a task if, and only if, its stored version is {@code expectedVersion}; the
	 * record passed carries the new version. Check and write are atomic, and any claim on
	 * the task ends.
	 * @throws StaleTaskException if the task is gone or its stored version differs;
	 * nothing changes
	 */
	void update(TaskRecord record, long expectedVersion);

	/**
	 * Move a task's expiry without changing its version, so that reading pages keeps a
	 * task alive without making open forms stale.
	 * @return whether the task existed
	 */
	boolean touch(String id, Instant expiresAt);

	/** Remove a task; nothing happens if it does not exist. */
	void delete(String id);

	/**
	 * Remove a task if it is at {@code expectedVersion}, as {@link #update} replaces one:
	 * a cancel decided on a version someone has since saved over removes nothing. The
	 * default reads the version, then deletes: not atomic; the stores of Flows override
	 * it with one conditional statement or script.
	 * @throws StaleTaskException if the task is missing or at another version
	 */
	default void delete(String id, long expectedVersion) {
		TaskRecord stored = find(id).orElseThrow(() -> new StaleTaskException(id, expectedVersion));
		if (stored.version() != expectedVersion) {
			throw new StaleTaskException(id, expectedVersion);
		}
		delete(id);
	}

	/**
	 * Remove at most {@code batchSize} tasks whose expiry is at or before {@code now},
	 * without loading them one by one. Callers repeat until fewer than {@code batchSize}
	 * are removed.
	 * @return how many were removed
	 */
	int deleteExpired(Instant now, int batchSize);

	/**
	 * Remove expired tasks as {@link #deleteExpired} does, and tell which, so that the
	 * cleanup can report each one (events, metrics) without reading them first. The
	 * default removes them through {@link #deleteExpired} and cannot tell which.
	 * @return how many were removed, and which where the store can tell
	 */
	default ExpiredTasks removeExpired(Instant now, int batchSize) {
		return ExpiredTasks.unnamed(deleteExpired(now, batchSize));
	}

	/**
	 * Count the live tasks, those {@code ACTIVE} and not expired at {@code now}, of each
	 * flow at each step, for monitoring. The memory and JPA stores count exactly (the JPA
	 * store with one grouped query over an index); the Redis store keeps an index per
	 * flow as tasks move. A store that cannot count without reading every task answers
	 * empty, "not available", which is what this default does.
	 * @return the counts, or empty if this store cannot count
	 */
	default Optional<TaskCounts> countLive(Instant now) {
		return Optional.empty();
	}

}
