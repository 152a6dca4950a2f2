package dev.flows.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * How long tasks live.
 *
 * @param idleTimeout an active task unused this long expires
 * @param completedRetention a completed task stays readable this long, so a refresh of the last
 * page works
 * @param touchInterval reading a task's pages moves its expiry at most this often, so most GETs
 * write nothing
 */
public record TaskTimeouts(Duration idleTimeout, Duration completedRetention, Duration touchInterval) {

	/** 20 minutes idle, 10 minutes after completion, touch at most once a minute. */
	public static final TaskTimeouts DEFAULTS = new TaskTimeouts(Duration.ofMinutes(20), Duration.ofMinutes(10),
			Duration.ofMinutes(1));

	public TaskTimeouts {
		Objects.requireNonNull(idleTimeout, "idleTimeout");
		Objects.requireNonNull(completedRetention, "completedRetention");
		Objects.requireNonNull(touchInterval, "touchInterval");
		if (idleTimeout.isNegative() || idleTimeout.isZero()) {
			throw new IllegalArgumentException("idleTimeout must be positive, was " + idleTimeout);
		}
	}

}
