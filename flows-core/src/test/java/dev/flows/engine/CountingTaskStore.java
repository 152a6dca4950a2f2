package dev.flows.engine;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.flows.store.ClaimResult;
import dev.flows.store.TaskCounts;
import dev.flows.store.TaskRecord;
import dev.flows.store.TaskStore;

/** Delegates to a real store and counts the calls of each method. */
public final class CountingTaskStore implements TaskStore {

	private final TaskStore delegate;

	private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

	/**
	 * Runs after each find, before its answer returns to the caller: what another request
	 * or node does meanwhile.
	 */
	public volatile Runnable afterFind = () -> {
	};

	public CountingTaskStore(TaskStore delegate) {
		this.delegate = delegate;
	}

	/** How often {@code method} was called. */
	public int calls(String method) {
		AtomicInteger count = this.calls.get(method);
		return (count != null) ? count.get() : 0;
	}

	/** Calls of every method that writes (a claim writes too). */
	public int writes() {
		return calls("insert") + calls("insertClaimed") + calls("claim") + calls("release") + calls("update")
				+ calls("touch") + calls("delete") + calls("deleteExpired");
	}

	public void reset() {
		this.calls.clear();
	}

	private void count(String method) {
		this.calls.computeIfAbsent(method, (key) -> new AtomicInteger()).incrementAndGet();
	}

	@Override
	public Optional<TaskRecord> find(String id) {
		count("find");
		Optional<TaskRecord> found = this.delegate.find(id);
		this.afterFind.run();
		return found;
	}

	@Override
	public void insert(TaskRecord record) {
		count("insert");
		this.delegate.insert(record);
	}

	@Override
	public boolean insertClaimed(TaskRecord record, String claimToken, Instant claimedUntil) {
		count("insertClaimed");
		return this.delegate.insertClaimed(record, claimToken, claimedUntil);
	}

	@Override
	public ClaimResult claim(String id, long version, String claimToken, Instant now, Instant claimedUntil) {
		count("claim");
		return this.delegate.claim(id, version, claimToken, now, claimedUntil);
	}

	@Override
	public void release(String id, String claimToken) {
		count("release");
		this.delegate.release(id, claimToken);
	}

	@Override
	public void update(TaskRecord record, long expectedVersion) {
		count("update");
		this.delegate.update(record, expectedVersion);
	}

	@Override
	public boolean touch(String id, Instant expiresAt) {
		count("touch");
		return this.delegate.touch(id, expiresAt);
	}

	@Override
	public void delete(String id) {
		count("delete");
		this.delegate.delete(id);
	}

	@Override
	public void delete(String id, long expectedVersion) {
		count("delete");
		this.delegate.delete(id, expectedVersion);
	}

	@Override
	public int deleteExpired(Instant now, int batchSize) {
		count("deleteExpired");
		return this.delegate.deleteExpired(now, batchSize);
	}

	@Override
	public Optional<TaskCounts> countLive(Instant now) {
		count("countLive");
		return this.delegate.countLive(now);
	}

}
