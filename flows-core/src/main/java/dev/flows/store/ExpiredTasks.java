package dev.flows.store;

import java.util.List;
import java.util.Objects;

/**
 * What one batch of the cleanup removed: how many tasks, and which, where the store can
 * tell without reading them first.
 *
 * @param removed how many tasks the batch removed
 * @param tasks those tasks, all of them, or none when the store cannot tell which
 */
public record ExpiredTasks(int removed, List<ExpiredTask> tasks) {

	/**
	 * Checks that {@code tasks} names every task removed, or none.
	 */
	public ExpiredTasks {
		tasks = List.copyOf(Objects.requireNonNull(tasks, "tasks"));
		if (!tasks.isEmpty() && tasks.size() != removed) {
			throw new IllegalArgumentException(removed + " tasks removed, but " + tasks.size() + " named");
		}
	}

	/** A batch that removed {@code tasks}, each named. */
	public static ExpiredTasks of(List<ExpiredTask> tasks) {
		return new ExpiredTasks(tasks.size(), tasks);
	}

	/** A batch that removed {@code removed} tasks the store cannot name. */
	public static ExpiredTasks unnamed(int removed) {
		return new ExpiredTasks(removed, List.of());
	}

	/** Whether {@link #tasks()} names the removed tasks. */
	public boolean named() {
		return this.removed == this.tasks.size();
	}

}
