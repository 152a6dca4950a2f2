package dev.flows.autoconfigure;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.flows.definition.FlowRegistry;
import dev.flows.graph.FlowGraph;
import dev.flows.graph.GraphNode;
import dev.flows.store.TaskStore;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code flows} actuator endpoint: a read shows the task store in use, the cleanup
 * settings and its last run, and the flows with their trees; a write
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

	FlowsEndpoint(TaskStore store, FlowsCleanup cleanup, FlowsProperties.Cleanup settings, FlowRegistry registry) {
		this.store = store;
		this.cleanup = cleanup;
		this.settings = settings;
		this.registry = registry;
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
				cleanupReport, flows);
	}

	/** Remove expired tasks now, as the scheduled cleanup does. */
	@WriteOperation
	public CleanupResult cleanup() {
		return new CleanupResult(this.cleanup.run());
	}

	/** What the read operation answers. */
	public record FlowsReport(StoreReport store, CleanupReport cleanup, List<FlowReport> flows) {
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
