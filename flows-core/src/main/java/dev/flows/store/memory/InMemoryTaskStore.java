package dev.flows.store.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import dev.flows.store.ClaimResult;
import dev.flows.store.StaleTaskException;
import dev.flows.store.TaskRecord;
import dev.flows.store.TaskStore;

/**
 * Keeps tasks in a map in this JVM: for development, tests and single-node applications that can
 * lose running tasks on restart.
 */
public final class InMemoryTaskStore implements TaskStore {

	private final ConcurrentMap<String, Entry> tasks = new ConcurrentHashMap<>();

	@Override
	public Optional<TaskRecord> find(String id) {
		Entry entry = this.tasks.get(id);
		return Optional.ofNullable((entry != null) ? entry.record() : null);
	}

	@Override
	public void insert(TaskRecord record) {
		if (this.tasks.putIfAbsent(record.id(), new Entry(record, null, null)) != null) {
			throw new IllegalStateException("A task with id " + TaskRecord.shortId(record.id()) + " exists already");
		}
	}

	@Override
	public boolean insertClaimed(TaskRecord record, String claimToken, Instant claimedUntil) {
		return this.tasks.putIfAbsent(record.id(), new Entry(record, claimToken, claimedUntil)) == null;
	}

	@Override
	public ClaimResult claim(String id, long version, String claimToken, Instant now, Instant claimedUntil) {
		ClaimResult[] result = { ClaimResult.missing() };
		this.tasks.computeIfPresent(id, (key, current) -> {
			if (current.record().version() != version) {
				result[0] = ClaimResult.stale(current.record());
				return current;
			}
			if (current.isClaimedAt(now)) {
				result[0] = ClaimResult.busy(current.record());
				return current;
			}
			result[0] = ClaimResult.claimed(current.record());
			return new Entry(current.record(), claimToken, claimedUntil);
		});
		return result[0];
	}

	@Override
	public void release(String id, String claimToken) {
		this.tasks.computeIfPresent(id,
				(key, current) -> claimToken.equals(current.claimToken()) ? new Entry(current.record(), null, null)
						: current);
	}

	@Override
	public void update(TaskRecord record, long expectedVersion) {
		boolean[] replaced = { false };
		this.tasks.computeIfPresent(record.id(), (id, current) -> {
			if (current.record().version() != expectedVersion) {
				return current;
			}
			replaced[0] = true;
			return new Entry(record, null, null);
		});
		if (!replaced[0]) {
			throw new StaleTaskException(record.id(), expectedVersion);
		}
	}

	@Override
	public boolean touch(String id, Instant expiresAt) {
		return this.tasks.computeIfPresent(id,
				(key, current) -> new Entry(current.record().withExpiresAt(expiresAt), current.claimToken(),
						current.claimedUntil())) != null;
	}

	@Override
	public void delete(String id) {
		this.tasks.remove(id);
	}

	@Override
	public int deleteExpired(Instant now, int batchSize) {
		List<String> expired = new ArrayList<>();
		for (Entry entry : this.tasks.values()) {
			if (expired.size() == batchSize) {
				break;
			}
			if (entry.record().isExpiredAt(now)) {
				expired.add(entry.record().id());
			}
		}
		int removed = 0;
		for (String id : expired) {
			// Removed only if still expired: a touch or save since the scan keeps the task.
			Entry current = this.tasks.get(id);
			if (current != null && current.record().isExpiredAt(now) && this.tasks.remove(id, current)) {
				removed++;
			}
		}
		return removed;
	}

	/** How many tasks are held, expired ones included. */
	public int size() {
		return this.tasks.size();
	}

	/** A task and the claim on it, if any. */
	private record Entry(TaskRecord record, String claimToken, Instant claimedUntil) {

		boolean isClaimedAt(Instant now) {
			return this.claimToken != null && this.claimedUntil.isAfter(now);
		}

	}

}
