package dev.flows.store;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Removes expired tasks from a {@link TaskStore} in batches, until a batch comes back
 * smaller than the batch size. Each batch is one bulk delete guarded by
 * {@code expires_at <= now}, so several nodes may clean at the same time: a task is
 * removed once, and a task touched meanwhile survives.
 * <p>
 * Spring Boot's auto-configuration schedules it ({@code flows.cleanup.*}); without Boot,
 * call {@link #clean()} from any scheduler.
 */
public final class TaskCleaner {

	private static final Log logger = LogFactory.getLog(TaskCleaner.class);

	private final TaskStore store;

	private final Clock clock;

	private final int batchSize;

	/**
	 * @param store the store to clean
	 * @param clock the clock that says what "now" is
	 * @param batchSize how many tasks one delete removes at most
	 */
	public TaskCleaner(TaskStore store, Clock clock, int batchSize) {
		this.store = Objects.requireNonNull(store, "store");
		this.clock = Objects.requireNonNull(clock, "clock");
		if (batchSize <= 0) {
			throw new IllegalArgumentException("batchSize must be positive, was " + batchSize);
		}
		this.batchSize = batchSize;
	}

	/**
	 * Remove every task that has expired by now.
	 * @return how many were removed
	 */
	public int clean() {
		return clean((task) -> {
		});
	}

	/**
	 * Remove every task that has expired by now, and tell {@code removed} of each one the
	 * store names ({@link TaskStore#removeExpired}), batch by batch, so that a run over
	 * many tasks never holds them all.
	 * @return how many were removed
	 */
	public int clean(Consumer<ExpiredTask> removed) {
		Instant now = this.clock.instant();
		int total = 0;
		int batches = 0;
		ExpiredTasks batch;
		do {
			batch = this.store.removeExpired(now, this.batchSize);
			total += batch.removed();
			batches++;
			batch.tasks().forEach(removed);
		}
		while (batch.removed() >= this.batchSize);
		if (total > 0) {
			logger.info("Removed " + total + " expired task(s) in " + batches + " batch(es)");
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("No expired tasks to remove");
		}
		return total;
	}

	/** The store this cleaner cleans. */
	public TaskStore store() {
		return this.store;
	}

	/** How many tasks one delete removes at most. */
	public int batchSize() {
		return this.batchSize;
	}

}
