package dev.flows.autoconfigure;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.flows.definition.FlowRegistry;
import dev.flows.graph.FlowGraph;
import dev.flows.graph.GraphNode;
import dev.flows.store.TaskCounts;
import dev.flows.store.TaskStore;
import dev.flows.store.TaskStoreUnavailableException;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code flows} actuator endpoint: a read shows the task store in use, the cleanup
 * settings and its last run, the flows with their trees, and the live tasks of each flow
 * at each step (if the store can count them: see {@link TaskStore#countLive}); a write
 * ({@code POST /actuator/flows}) removes expired tasks now.
 */
@Endpoint(id = "flows")
public class FlowsEndpoint {

	private static final Map<String, String> STORE_TYPES = Map.of("dev.flows.store.memory.InMemoryTaskStore", "memory",
			"dev.flows.store.jpa.JpaTaskStore", "jpa", "dev.flows.store.redis.RedisTaskStore", "redis");

	private final TaskStore store;

	private final FlowsCleanup cleanup;

	private final FlowsProperties.Cleanup settings;

	private final FlowRegistry registry;

	private final Clock clock;

	FlowsEndpoint(TaskStore store, FlowsCleanup cleanup, FlowsProperties.Cleanup settings, FlowRegistry registry) {
		this(store, cleanup, settings, registry, Clock.systemUTC());
	}

	FlowsEndpoint(TaskStore store, FlowsCleanup cleanup, FlowsProperties.Cleanup settings, FlowRegistry registry,
			Clock clock) {
		this.store = store;
		this.cleanup = cleanup;
		this.settings = settings;
		this.registry = registry;
		this.clock = clock;
	}

	/** The store, the cleanup and the flows. */
	@ReadOperation
	public FlowsReport flows() {
		String storeClass = this.store.getClass().getName();
		FlowsCleanup.Run last = this.cleanup.lastRun();
		CleanupReport cleanupReport = new CleanupReport(this.settings.isEnabled(), this.settings.getCron(),
				this.cleanup.cleaner().batchSize(), (last != null) ? last.at() : null,
				(last != null) ? last.removed() : null, (last != null) ? last.failure() : null);
		List<FlowReport> flows = (this.registry != null) ? this.registry.flows()
			.stream()
			.map((flow) -> new FlowReport(flow.id(), flow.path(), NodeReport.of(FlowGraph.of(flow).root())))
			.toList() : List.of();
		return new FlowsReport(new StoreReport(STORE_TYPES.getOrDefault(storeClass, "custom"), storeClass),
				cleanupReport, flows, liveTasks());
	}

	private LiveTasksReport liveTasks() {
		Optional<TaskCounts> counted;
		try {
			counted = this.store.countLive(this.clock.instant());
		}
		catch (TaskStoreUnavailableException ex) {
			return new LiveTasksReport(false, null, Map.of(), "The task store cannot be reached: " + ex.getMessage());
		}
		if (counted.isEmpty()) {
			return new LiveTasksReport(false, null, Map.of(), "The task store cannot count its live tasks");
		}
		TaskCounts counts = counted.get();
		Map<String, FlowTasks> byFlow = new TreeMap<>();
		counts.byFlow().forEach((flow, steps) -> byFlow.put(flow, new FlowTasks(counts.flow(flow), steps)));
		return new LiveTasksReport(true, counts.total(), byFlow, null);
	}

	/** Remove expired tasks now, as the scheduled cleanup does. */
	@WriteOperation
	public CleanupResult cleanup() {
		return new CleanupResult(this.cleanup.run());
	}

	/** What the read operation answers. */
	public record FlowsReport(StoreReport store, CleanupReport cleanup, List<FlowReport> flows,
			LiveTasksReport liveTasks) {
	}

	/**
	 * The live tasks (active, not expired) by flow and step, or why they are not
	 * available.
	 *
	 * @param available whether the store counted them
	 * @param total how many there are, or {@code null} when not available
	 * @param flows each flow with live tasks, by id
	 * @param unavailableReason why they are not available, or {@code null}
	 */
	public record LiveTasksReport(boolean available, Long total, Map<String, FlowTasks> flows,
			String unavailableReason) {
	}

	/**
	 * One flow's live tasks.
	 *
	 * @param total how many the flow has
	 * @param steps how many are at each step, by step path; steps without any are left
	 * out
	 */
	public record FlowTasks(long total, Map<String, Long> steps) {
	}

	/** The task store in use: memory, jpa, redis or custom. */
	public record StoreReport(String type, String className) {
	}

	/** The cleanup settings and its last run (scheduled or through this endpoint). */
	public record CleanupReport(boolean enabled, String cron, int batchSize, Instant lastRunAt, Integer lastRemoved,
			String lastFailure) {
	}

	/** One flow, with its tree. */
	public record FlowReport(String id, String path, NodeReport tree) {
	}

	/**
	 * A node of a flow's tree: a scaffold (with its transition and children) or an
	 * action.
	 *
	 * @param name the node's name in URLs; for the root, the flow's path
	 * @param kind {@code scaffold} or {@code action}
	 * @param title the title
	 * @param transition how a scaffold chooses among its children ({@code linear},
	 * {@code explicit}, {@code custom: } and its class); {@code null} for an action
	 * @param preconditions what is checked before the node is entered or served
	 * @param children a scaffold's children in order; empty for an action
	 */
	public record NodeReport(String name, String kind, String title, String transition, List<String> preconditions,
			List<NodeReport> children) {

		static NodeReport of(GraphNode node) {
			return new NodeReport(node.name(), node.kind().name().toLowerCase(Locale.ROOT), node.title(),
					node.transition(), node.preconditions(), node.children().stream().map(NodeReport::of).toList());
		}

	}

	/** What a cleanup through the endpoint removed. */
	public record CleanupResult(int removed) {
	}

}
