package dev.flows.store.guard;

import java.time.Instant;
import java.util.Optional;

import dev.flows.store.ClaimResult;
import dev.flows.store.ExpiredTasks;
import dev.flows.store.TaskCounts;
import dev.flows.store.TaskRecord;
import dev.flows.store.TaskStore;

/**
 * A {@link TaskStore} whose every call goes through a {@link TaskStoreGuard}; what the
 * store answers or throws passes through unchanged.
 */
final class GuardedTaskStore implements TaskStore {

	private final TaskStore delegate;

	private final TaskStoreGuard guard;

	GuardedTaskStore(TaskStore delegate, TaskStoreGuard guard) {
		this.delegate = delegate;
		this.guard = guard;
	}

	@Override
	public Optional<TaskRecord> find(String id) {
		return this.guard.call("find", () -> this.delegate.find(id));
	}

	@Override
	public void insert(TaskRecord record) {
		this.guard.call("insert", () -> {
			this.delegate.insert(record);
			return null;
		});
	}

	@Override
	public boolean insertClaimed(TaskRecord record, String claimToken, Instant claimedUntil) {
		return this.guard.call("insertClaimed", () -> this.delegate.insertClaimed(record, claimToken, claimedUntil));
	}

	@Override
	public ClaimResult claim(String id, long version, String claimToken, Instant now, Instant claimedUntil) {
		return this.guard.call("claim", () -> this.delegate.claim(id, version, claimToken, now, claimedUntil));
	}

	@Override
	public void release(String id, String claimToken) {
		this.guard.call("release", () -> {
			this.delegate.release(id, claimToken);
			return null;
		});
	}

	@Override
	public void update(TaskRecord record, long expectedVersion) {
		this.guard.call("update", () -> {
			this.delegate.update(record, expectedVersion);
			return null;
		});
	}

	@Override
	public boolean touch(String id, Instant expiresAt) {
		return this.guard.call("touch", () -> this.delegate.touch(id, expiresAt));
	}

	@Override
	public void delete(String id) {
		this.guard.call("delete", () -> {
			this.delegate.delete(id);
			return null;
		});
	}

	@Override
	public void delete(String id, long expectedVersion) {
		this.guard.call("delete", () -> {
			this.delegate.delete(id, expectedVersion);
			return null;
		});
	}

	@Override
	public int deleteExpired(Instant now, int batchSize) {
		return this.guard.call("deleteExpired", () -> this.delegate.deleteExpired(now, batchSize));
	}

	@Override
	public ExpiredTasks removeExpired(Instant now, int batchSize) {
		return this.guard.call("removeExpired", () -> this.delegate.removeExpired(now, batchSize));
	}

	@Override
	public Optional<TaskCounts> countLive(Instant now) {
		return this.guard.call("countLive", () -> this.delegate.countLive(now));
	}

	@Override
	public String toString() {
		return "Guarded " + this.delegate;
	}

}
