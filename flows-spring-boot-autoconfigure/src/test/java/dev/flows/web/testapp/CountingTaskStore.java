package dev.flows.web.testapp;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import dev.flows.store.ClaimResult;
import dev.flows.store.TaskCounts;
import dev.flows.store.TaskRecord;
import dev.flows.store.TaskStore;
import dev.flows.store.TaskStoreUnavailableException;

/**
 * Delegates to a real store, counting calls, and fails every call while {@link #down} is
 * set, the way a store does when its server is unreachable.
 */
public final class CountingTaskStore implements TaskStore {

	private final TaskStore delegate;

	public final AtomicInteger finds = new AtomicInteger();

	public final AtomicInteger inserts = new AtomicInteger();

	public final AtomicInteger updates = new AtomicInteger();

	public final AtomicInteger touches = new AtomicInteger();

	/** Claims, claimed inserts and releases. */
	public final AtomicInteger claims = new AtomicInteger();

	public volatile boolean down;

	public CountingTaskStore(TaskStore delegate) {
		this.delegate = delegate;
	}

	public void resetCounts() {
		this.finds.set(0);
		this.inserts.set(0);
		this.updates.set(0);
		this.touches.set(0);
		this.claims.set(0);
	}

	public int writes() {
		return this.inserts.get() + this.updates.get() + this.touches.get();
	}

	private void check() {
		if (this.down) {
			throw new TaskStoreUnavailableException("Test store is down",
					new java.io.IOException("connection refused"));
		}
	}

	@Override
	public Optional<TaskRecord> find(String id) {
		check();
		this.finds.incrementAndGet();
		return this.delegate.find(id);
	}

	@Override
	public void insert(TaskRecord record) {
		check();
		this.inserts.incrementAndGet();
		this.delegate.insert(record);
	}

	@Override
	public boolean insertClaimed(TaskRecord record, String claimToken, Instant claimedUntil) {
		check();
		this.claims.incrementAndGet();
		return this.delegate.insertClaimed(record, claimToken, claimedUntil);
	}

	@Override
	public ClaimResult claim(String id, long version, String claimToken, Instant now, Instant claimedUntil) {
		check();
		this.claims.incrementAndGet();
		return this.delegate.claim(id, version, claimToken, now, claimedUntil);
	}

	@Override
	public void release(String id, String claimToken) {
		check();
		this.claims.incrementAndGet();
		this.delegate.release(id, claimToken);
	}

	@Override
	public void update(TaskRecord record, long expectedVersion) {
		check();
		this.updates.incrementAndGet();
		this.delegate.update(record, expectedVersion);
	}

	@Override
	public boolean touch(String id, Instant expiresAt) {
		check();
		this.touches.incrementAndGet();
		return this.delegate.touch(id, expiresAt);
	}

	@Override
	public void delete(String id) {
		check();
		this.delegate.delete(id);
	}

	@Override
	public void delete(String id, long expectedVersion) {
		check();
		this.delegate.delete(id, expectedVersion);
	}

	@Override
	public int deleteExpired(Instant now, int batchSize) {
		check();
		return this.delegate.deleteExpired(now, batchSize);
	}

	@Override
	public Optional<TaskCounts> countLive(Instant now) {
		check();
		return this.delegate.countLive(now);
	}

}
