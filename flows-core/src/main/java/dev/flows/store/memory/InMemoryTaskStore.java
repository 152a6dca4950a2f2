package dev.flows.store.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import dev.flows.store.StaleTaskException;
import dev.flows.store.TaskRecord;
import dev.flows.store.TaskStore;

/**
 * Keeps tasks in a map in this JVM: for development, tests and single-node applications that can
 * lose running tasks on restart.
 */
public final class InMemoryTaskStore implements TaskStore {

	private final ConcurrentMap<String, TaskRecord> tasks = new ConcurrentHashMap<>();

	@Override
	public Optional<TaskRecord> find(String id) {
		return Optional.ofNullable(this.tasks.get(id));
	}

	@Override
	public void insert(TaskRecord record) {
		if (this.tasks.putIfAbsent(record.id(), record) != null) {
			throw new IllegalStateException("A task with id " + TaskRecord.shortId(record.id()) + " exists already");
		}
	}

	@Override
	public void update(TaskRecord record, long expectedVersion) {
		boolean[] replaced = { false };
		this.tasks.computeIfPresent(record.id(), (id, current) -> {
			if (current.version() != expectedVersion) {
				return current;
			}
			replaced[0] = true;
			return record;
		});
		if (!replaced[0]) {
			throw new StaleTaskException(record.id(), expectedVersion);
		}
	}

	@Override
	public boolean touch(String id, Instant expiresAt) {
		return this.tasks.computeIfPresent(id, (key, current) -> current.withExpiresAt(expiresAt)) != null;
	}

	@Override
	public void delete(String id) {
		this.tasks.remove(id);
	}

	@Override
	public int deleteExpired(Instant now, int batchSize) {
		List<String> expired = new ArrayList<>();
		for (TaskRecord record : this.tasks.values()) {
			if (expired.size() == batchSize) {
				break;
			}
			if (record.isExpiredAt(now)) {
				expired.add(record.id());
			}
		}
		int removed = 0;
		for (String id : expired) {
			// Removed only if still expired: a touch or save since the scan keeps the task.
			TaskRecord current = this.tasks.get(id);
			if (current != null && current.isExpiredAt(now) && this.tasks.remove(id, current)) {
				removed++;
			}
		}
		return removed;
	}

	/** How many tasks are held, expired ones included. */
	public int size() {
		return this.tasks.size();
	}

}
