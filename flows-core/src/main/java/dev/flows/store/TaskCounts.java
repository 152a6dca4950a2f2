package dev.flows.store;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How many live tasks (active, not expired) each flow has at each step, as
 * {@link TaskStore#countLive} counts them. Flows and steps without a live task are
 * absent.
 *
 * @param byFlow flow id to step path to count, each sorted by name
 */
public record TaskCounts(Map<String, Map<String, Long>> byFlow) {

	/**
	 * Keeps an unmodifiable copy sorted by name, without the steps counted zero or less
	 * and the flows left with no step, so that a store may pass its raw counts.
	 */
	public TaskCounts {
		Map<String, Map<String, Long>> copy = new TreeMap<>();
		Objects.requireNonNull(byFlow, "byFlow").forEach((flow, steps) -> {
			Map<String, Long> counted = new TreeMap<>();
			steps.forEach((step, count) -> {
				if (count > 0) {
					counted.put(step, count);
				}
			});
			if (!counted.isEmpty()) {
				copy.put(flow, Collections.unmodifiableMap(counted));
			}
		});
		byFlow = Collections.unmodifiableMap(copy);
	}

	/** No live task at all. */
	public static TaskCounts none() {
		return new TaskCounts(Map.of());
	}

	/** How many live tasks {@code flowId} has at each step. */
	public Map<String, Long> steps(String flowId) {
		return this.byFlow.getOrDefault(flowId, Map.of());
	}

	/** How many live tasks {@code flowId} has. */
	public long flow(String flowId) {
		return steps(flowId).values().stream().mapToLong(Long::longValue).sum();
	}

	/** How many live tasks there are. */
	public long total() {
		return this.byFlow.keySet().stream().mapToLong(this::flow).sum();
	}

	/** Counts under construction: add one task at a time. */
	public static final class Builder {

		private final Map<String, Map<String, Long>> byFlow = new TreeMap<>();

		/** Counts {@code count} more tasks of {@code flowId} at {@code step}. */
		public Builder add(String flowId, String step, long count) {
			this.byFlow.computeIfAbsent(flowId, (flow) -> new TreeMap<>()).merge(step, count, Long::sum);
			return this;
		}

		/** The counts so far. */
		public TaskCounts build() {
			return new TaskCounts(this.byFlow);
		}

	}

}
