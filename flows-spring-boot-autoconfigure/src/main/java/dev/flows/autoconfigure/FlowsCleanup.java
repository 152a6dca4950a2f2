package dev.flows.autoconfigure;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationEventPublisher;

import dev.flows.store.ExpiredTask;
import dev.flows.store.ExpiredTasksRemovedEvent;
import dev.flows.store.TaskCleaner;
import dev.flows.store.TaskStoreUnavailableException;

/**
 * Runs the {@link TaskCleaner} for the schedule and for the actuator endpoint, remembers
 * the last run for the endpoint to report, and publishes an
 * {@link ExpiredTasksRemovedEvent} after a run that removed tasks.
 */
class FlowsCleanup {

	private static final Log logger = LogFactory.getLog(FlowsCleanup.class);

	private final TaskCleaner cleaner;

	private final Clock clock;

	private final ApplicationEventPublisher publisher;

	private final Consumer<ExpiredTask> expired;

	private volatile Run lastRun;

	FlowsCleanup(TaskCleaner cleaner, Clock clock) {
		this(cleaner, clock, null, (task) -> {
		});
	}

	/**
	 * @param publisher told of each run that removed tasks, as an
	 * {@link ExpiredTasksRemovedEvent}; may be {@code null}
	 * @param expired told of each task removed that the store names (the engine, which
	 * announces the active ones as {@link dev.flows.engine.TaskExpiredEvent})
	 */
	FlowsCleanup(TaskCleaner cleaner, Clock clock, ApplicationEventPublisher publisher, Consumer<ExpiredTask> expired) {
		this.cleaner = cleaner;
		this.clock = clock;
		this.publisher = publisher;
		this.expired = expired;
	}

	/** Remove expired tasks now. */
	int run() {
		Instant startedAt = this.clock.instant();
		try {
			int removed = this.cleaner.clean(this.expired);
			this.lastRun = new Run(startedAt, removed, null);
			if (removed > 0 && this.publisher != null) {
				this.publisher.publishEvent(new ExpiredTasksRemovedEvent(removed, startedAt));
			}
			return removed;
		}
		catch (RuntimeException ex) {
			this.lastRun = new Run(startedAt, 0, ex.getMessage());
			throw ex;
		}
	}

	/** The scheduled run: a failure is logged, and the next run tries again. */
	void runScheduled() {
		try {
			run();
		}
		catch (TaskStoreUnavailableException ex) {
			logger.warn("Expired tasks not removed, the task store is unavailable: " + ex.getMessage());
		}
		catch (RuntimeException ex) {
			logger.error("Expired tasks not removed", ex);
		}
	}

	TaskCleaner cleaner() {
		return this.cleaner;
	}

	/** The last run, or {@code null} if there was none yet. */
	Run lastRun() {
		return this.lastRun;
	}

	/**
	 * One run of the cleanup.
	 *
	 * @param at when it started
	 * @param removed how many tasks it removed
	 * @param failure why it failed, or {@code null}
	 */
	record Run(Instant at, int removed, String failure) {
	}

}
