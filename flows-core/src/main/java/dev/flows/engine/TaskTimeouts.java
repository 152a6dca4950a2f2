package dev.flows.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * How long tasks live.
 *
 * @param idleTimeout an active task unused this long expires
 * @param completedRetention a completed task stays readable this long, so a refresh of
 * the last page works
 * @param touchInterval reading a task's pages moves its expiry at most this often, so
 * most GETs write nothing
 * @param claimTimeout how long a request may hold its claim on a task while the step's
 * handler runs; after that another request may take the task over (a node that stopped
 * mid-request blocks its tasks this long at most)
 * @param claimWait how long a duplicate submit waits for the request holding the claim
 * before it is sent to wherever the task is
 */
public record TaskTimeouts(Duration idleTimeout, Duration completedRetention, Duration touchInterval,
		Duration claimTimeout, Duration claimWait) {

	/**
	 * 20 minutes idle, 10 minutes after completion, touch at most once a minute, claims
	 * held 30 seconds at most, duplicates wait 2 seconds at most.
	 */
	public static final TaskTimeouts DEFAULTS = new TaskTimeouts(Duration.ofMinutes(20), Duration.ofMinutes(10),
			Duration.ofMinutes(1));

	/**
	 * Timeouts with the default claim timeout (30 seconds) and claim wait (2 seconds).
	 */
	public TaskTimeouts(Duration idleTimeout, Duration completedRetention, Duration touchInterval) {
		this(idleTimeout, completedRetention, touchInterval, Duration.ofSeconds(30), Duration.ofSeconds(2));
	}

	/**
	 * Requires every duration, a positive idle timeout and claim timeout, and a claim
	 * wait that is not negative, so that a misconfigured value fails at startup rather
	 * than expiring tasks or claims at once.
	 * @throws IllegalArgumentException if a duration is out of range
	 */
	public TaskTimeouts {
		Objects.requireNonNull(idleTimeout, "idleTimeout");
		Objects.requireNonNull(completedRetention, "completedRetention");
		Objects.requireNonNull(touchInterval, "touchInterval");
		Objects.requireNonNull(claimTimeout, "claimTimeout");
		Objects.requireNonNull(claimWait, "claimWait");
		if (claimTimeout.isNegative() || claimTimeout.isZero()) {
			throw new IllegalArgumentException("claimTimeout must be positive, was " + claimTimeout);
		}
		if (claimWait.isNegative()) {
			throw new IllegalArgumentException("claimWait must not be negative, was " + claimWait);
		}
		if (idleTimeout.isNegative() || idleTimeout.isZero()) {
			throw new IllegalArgumentException("idleTimeout must be positive, was " + idleTimeout);
		}
	}

}
