package dev.flows.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Where tasks live between requests. Implementations: {@code memory}, {@code jpa} and
 * {@code redis}, chosen with {@code flows.store.type}; an application may supply its own bean.
 * <p>
 * A store holds {@link TaskRecord}s and never interprets their JSON. Every method may throw
 * {@link TaskStoreUnavailableException} when the backing service cannot be reached.
 */
public interface TaskStore {

	/**
	 * Find a task by id. A store may return a record that has expired but not yet been cleaned
	 * up; the engine checks {@link TaskRecord#expiresAt()}.
	 */
	Optional<TaskRecord> find(String id);

	/**
	 * Store a new task.
	 * @throws IllegalStateException if a task with that id exists
	 */
	void insert(TaskRecord record);

	/**
	 * Replace a task if, and only if, its stored version is {@code expectedVersion}; the record
	 * passed carries the new version. Check and write are atomic.
	 * @throws StaleTaskException if the task is gone or its stored version differs; nothing changes
	 */
	void update(TaskRecord record, long expectedVersion);

	/**
	 * Move a task's expiry without changing its version, so that reading pages keeps a task alive
	 * without making open forms stale.
	 * @return whether the task existed
	 */
	boolean touch(String id, Instant expiresAt);

	/** Remove a task; nothing happens if it does not exist. */
	void delete(String id);

	/**
	 * Remove at most {@code batchSize} tasks whose expiry is at or before {@code now}, without
	 * loading them one by one. Callers repeat until fewer than {@code batchSize} are removed.
	 * @return how many were removed
	 */
	int deleteExpired(Instant now, int batchSize);

}
