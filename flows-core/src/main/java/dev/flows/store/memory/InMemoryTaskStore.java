package dev.flows.store.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.flows.store.ClaimResult;
import dev.flows.store.ExpiredTask;
import dev.flows.store.ExpiredTasks;
import dev.flows.store.StaleTaskException;
import dev.flows.store.TaskCounts;
import dev.flows.store.TaskRecord;
import dev.flows.store.TaskStore;

/**
 * Keeps tasks in a map in this JVM: for development, tests and single-node applications
 * that can lose running tasks on restart.
 * <p>
 * The map holds at most a maximum number of tasks ({@value #DEFAULT_MAX_TASKS} unless
 * given), so that visitors starting tasks faster than they expire cannot exhaust the
 * heap. An insert that finds the store full first removes the tasks nearest their expiry
 * (expired ones first of all), a hundredth of the maximum at a time, so that most inserts
 * make no such pass. Those tasks are lost to their users, and a warning says so once.
 * Inserts running at the same instant may exceed the maximum by as many tasks as there
 * are of them, until the next insert makes room.
 */
public final class InMemoryTaskStore implements TaskStore {

	/** The maximum number of tasks of a store created without one. */
	public static final int DEFAULT_MAX_TASKS = 10_000;

	private static final Log logger = LogFactory.getLog(InMemoryTaskStore.class);

	private static final String ACTIVE = "ACTIVE";

	private static final Comparator<Entry> NEAREST_EXPIRY_LAST = Comparator.comparingLong(Entry::expiry).reversed();

	private final ConcurrentMap<String, Entry> tasks = new ConcurrentHashMap<>();

	private final int maxTasks;

	/** How many tasks one eviction pass removes at least. */
	private final int evictionBatch;

	/**
	 * Held by the insert that makes room, so that concurrent inserts do not each scan the
	 * map.
	 */
	private final Object evictionLock = new Object();

	private final AtomicBoolean warned = new AtomicBoolean();

	/** A store that holds at most {@value #DEFAULT_MAX_TASKS} tasks. */
	public InMemoryTaskStore() {
		this(DEFAULT_MAX_TASKS);
	}

	/**
	 * A store that holds at most {@code maxTasks} tasks.
	 * @param maxTasks the maximum number of tasks, at least 1
	 */
	public InMemoryTaskStore(int maxTasks) {
		if (maxTasks < 1) {
			throw new IllegalArgumentException("maxTasks must be at least 1, was " + maxTasks);
		}
		this.maxTasks = maxTasks;
		this.evictionBatch = Math.max(1, maxTasks / 100);
	}

	@Override
	public Optional<TaskRecord> find(String id) {
		Entry entry = this.tasks.get(id);
		return Optional.ofNullable((entry != null) ? entry.record() : null);
	}

	@Override
	public void insert(TaskRecord record) {
		makeRoom();
		if (this.tasks.putIfAbsent(record.id(), new Entry(record, null, null)) != null) {
			throw new IllegalStateException("A task with id " + TaskRecord.shortId(record.id()) + " exists already");
		}
	}

	@Override
	public boolean insertClaimed(TaskRecord record, String claimToken, Instant claimedUntil) {
		makeRoom();
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
		this.tasks.computeIfPresent(id, (key, current) -> claimToken.equals(current.claimToken())
				? new Entry(current.record(), null, null) : current);
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
		return this.tasks.computeIfPresent(id, (key, current) -> new Entry(current.record().withExpiresAt(expiresAt),
				current.claimToken(), current.claimedUntil())) != null;
	}

	@Override
	public void delete(String id) {
		this.tasks.remove(id);
	}

	@Override
	public void delete(String id, long expectedVersion) {
		Entry current = this.tasks.get(id);
		if (current == null || current.record().version() != expectedVersion || !this.tasks.remove(id, current)) {
			throw new StaleTaskException(id, expectedVersion);
		}
	}

	@Override
	public int deleteExpired(Instant now, int batchSize) {
		return removeExpired(now, batchSize).removed();
	}

	@Override
	public ExpiredTasks removeExpired(Instant now, int batchSize) {
		List<String> expired = new ArrayList<>();
		for (Entry entry : this.tasks.values()) {
			if (expired.size() == batchSize) {
				break;
			}
			if (entry.record().isExpiredAt(now)) {
				expired.add(entry.record().id());
			}
		}
		List<ExpiredTask> removed = new ArrayList<>();
		for (String id : expired) {
			// Removed only if still expired: a touch or save since the scan keeps the
			// task.
			Entry current = this.tasks.get(id);
			if (current != null && current.record().isExpiredAt(now) && this.tasks.remove(id, current)) {
				TaskRecord record = current.record();
				removed.add(new ExpiredTask(record.id(), record.flow(), record.position(), record.isActive(),
						record.expiresAt()));
			}
		}
		return ExpiredTasks.of(removed);
	}

	/** Exact: one pass over the map. */
	@Override
	public Optional<TaskCounts> countLive(Instant now) {
		TaskCounts.Builder counts = new TaskCounts.Builder();
		for (Entry entry : this.tasks.values()) {
			TaskRecord record = entry.record();
			if (ACTIVE.equals(record.status()) && !record.isExpiredAt(now)) {
				counts.add(record.flow(), record.position(), 1);
			}
		}
		return Optional.of(counts.build());
	}

	/** How many tasks are held, expired ones included. */
	public int size() {
		return this.tasks.size();
	}

	/**
	 * If the store is full, removes the tasks nearest their expiry, down to
	 * {@link #evictionBatch} below the maximum: one pass over the map, keeping the batch
	 * in a heap, then no other pass until the store is full again.
	 */
	private void makeRoom() {
		if (this.tasks.size() < this.maxTasks) {
			return;
		}
		synchronized (this.evictionLock) {
			int excess = this.tasks.size() - (this.maxTasks - this.evictionBatch);
			if (excess <= 0) {
				// another insert made room meanwhile
				return;
			}
			// the heap's head is the entry, of those chosen, whose expiry is farthest
			PriorityQueue<Entry> nearest = new PriorityQueue<>(excess + 1, NEAREST_EXPIRY_LAST);
			for (Entry entry : this.tasks.values()) {
				if (nearest.size() < excess) {
					nearest.add(entry);
				}
				else if (entry.expiry() < nearest.peek().expiry()) {
					nearest.poll();
					nearest.add(entry);
				}
			}
			int removed = 0;
			for (Entry entry : nearest) {
				// a task saved or touched since the scan is left: it may no longer be
				// among the nearest
				if (this.tasks.remove(entry.record().id(), entry)) {
					removed++;
				}
			}
			if (removed > 0 && this.warned.compareAndSet(false, true)) {
				logger.warn("The in-memory task store reached its maximum of " + this.maxTasks
						+ " tasks and removes the tasks nearest their expiry to make room: their users lose them and"
						+ " start over. Raise the maximum (flows.store.memory.max-tasks with Spring Boot, else"
						+ " new InMemoryTaskStore(maxTasks)), shorten flows.task.idle-timeout, or keep tasks in"
						+ " the jpa or redis store. (Logged once.)");
			}
		}
	}

	/**
	 * A task and the claim on it, if any, with the task's expiry as one number: a pass
	 * that makes room reads every entry, and reading the expiry here rather than through
	 * the record and its {@code Instant} saves two memory loads per entry, which are most
	 * of the pass's cost in a large heap.
	 */
	private record Entry(TaskRecord record, String claimToken, Instant claimedUntil, long expiry) {

		Entry(TaskRecord record, String claimToken, Instant claimedUntil) {
			this(record, claimToken, claimedUntil, epochNanos(record.expiresAt()));
		}

		/** Nanoseconds since the epoch, saturated: orders instants as they order. */
		private static long epochNanos(Instant instant) {
			long seconds = instant.getEpochSecond();
			if (seconds >= Long.MAX_VALUE / 1_000_000_000L) {
				return Long.MAX_VALUE;
			}
			if (seconds <= Long.MIN_VALUE / 1_000_000_000L) {
				return Long.MIN_VALUE;
			}
			return seconds * 1_000_000_000L + instant.getNano();
		}

		boolean isClaimedAt(Instant now) {
			return this.claimToken != null && this.claimedUntil.isAfter(now);
		}

	}

}
