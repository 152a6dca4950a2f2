package dev.flows.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.flows.definition.ActionDefinition;
import dev.flows.definition.ExplicitTransition;
import dev.flows.definition.FlowDefinition;
import dev.flows.definition.LinearTransition;
import dev.flows.definition.NodeDefinition;
import dev.flows.definition.Position;
import dev.flows.definition.Precondition;
import dev.flows.definition.ScaffoldDefinition;
import dev.flows.definition.Transition;

import org.springframework.util.ClassUtils;

/**
 * The graph of a flow: its tree of {@linkplain GraphNode nodes} (scaffolds holding their
 * children, steps with titles), and the {@linkplain GraphEdge arrows} the definition
 * declares: each child of a linear scaffold leads to the next, and each action to its
 * {@code goTo} targets. A custom transition chooses at run time, so its scaffold carries
 * it as a label instead of arrows. Given a task's current step and the steps it went
 * through, the graph marks them and the arrows taken between them.
 * <p>
 * Immutable; rendering is deterministic: the same flow and path give the same text.
 */
public final class FlowGraph {

	private final FlowDefinition flow;

	private final GraphNode root;

	private final List<GraphEdge> edges;

	private final Map<Position, GraphNode> nodes;

	private FlowGraph(FlowDefinition flow, GraphNode root, List<GraphEdge> edges) {
		this.flow = flow;
		this.root = root;
		this.edges = List.copyOf(edges);
		Map<Position, GraphNode> index = new LinkedHashMap<>();
		index(root, index);
		this.nodes = Collections.unmodifiableMap(index);
	}

	private static void index(GraphNode node, Map<Position, GraphNode> index) {
		index.put(node.position(), node);
		node.children().forEach((child) -> index(child, index));
	}

	/** The graph of {@code flow}, nothing marked. */
	public static FlowGraph of(FlowDefinition flow) {
		return of(flow, null, List.of());
	}

	/**
	 * The graph of {@code flow} with a task's path marked.
	 * @param flow the flow
	 * @param current the task's current step, or {@code null} for none
	 * @param visited the steps the task went through before, oldest first
	 */
	public static FlowGraph of(FlowDefinition flow, Position current, List<Position> visited) {
		Objects.requireNonNull(flow, "flow");
		List<Position> path = new ArrayList<>(visited);
		if (current != null) {
			path.add(current);
		}
		Builder builder = new Builder(flow, current, path);
		GraphNode root = builder.node(Position.ROOT, flow.root());
		return new FlowGraph(flow, root, builder.edges);
	}

	/** The flow drawn. */
	public FlowDefinition flow() {
		return this.flow;
	}

	/** The root scaffold, standing for the flow itself. */
	public GraphNode root() {
		return this.root;
	}

	/**
	 * Every arrow, in declaration order: a scaffold's linear arrows, then those inside
	 * its children, depth-first.
	 */
	public List<GraphEdge> edges() {
		return this.edges;
	}

	/** Every node, depth-first in declaration order, the root first. */
	public List<GraphNode> nodes() {
		return List.copyOf(this.nodes.values());
	}

	/** The node at {@code position}. */
	public Optional<GraphNode> node(Position position) {
		return Optional.ofNullable(this.nodes.get(position));
	}

	/** The graph as text in {@code format}. */
	public String render(GraphFormat format) {
		return switch (format) {
			case SVG -> new SvgRenderer(this).render();
			case DOT -> new DotRenderer(this).render();
			case MERMAID -> new MermaidRenderer(this).render();
		};
	}

	/** The node at {@code position}, which must exist. */
	GraphNode at(Position position) {
		GraphNode node = this.nodes.get(position);
		if (node == null) {
			throw new IllegalArgumentException("No node at '" + position + "'");
		}
		return node;
	}

	/**
	 * The label of a transition: {@code linear}, {@code explicit}, or {@code custom: }
	 * and its class's simple name.
	 */
	static String transitionLabel(Transition transition) {
		if (transition instanceof LinearTransition) {
			return "linear";
		}
		if (transition instanceof ExplicitTransition) {
			return "explicit";
		}
		return "custom: " + typeName(transition);
	}

	/**
	 * The label of a precondition: the built-in ones say what they require; a custom one
	 * is named by its class.
	 */
	static String preconditionLabel(Precondition precondition) {
		Class<?> type = ClassUtils.getUserClass(precondition);
		if (type.getPackageName().equals(Precondition.class.getPackageName())) {
			return precondition.toString();
		}
		return "precondition: " + typeName(precondition);
	}

	/**
	 * A class's simple name, or a placeholder for a lambda, whose generated name changes
	 * from run to run.
	 */
	private static String typeName(Object component) {
		Class<?> type = ClassUtils.getUserClass(component);
		if (type.isHidden() || type.isSynthetic() || type.isAnonymousClass()) {
			return "(lambda)";
		}
		return type.getSimpleName();
	}

	/** Walks the definition once, numbering nodes and collecting edges. */
	private static final class Builder {

		private final FlowDefinition flow;

		private final Position current;

		private final List<Position> path;

		private final List<GraphEdge> edges = new ArrayList<>();

		private int next;

		Builder(FlowDefinition flow, Position current, List<Position> path) {
			this.flow = flow;
			this.current = current;
			this.path = path;
		}

		GraphNode node(Position position, NodeDefinition definition) {
			String id = "n" + this.next++;
			List<String> preconditions = definition.preconditions().stream().map(FlowGraph::preconditionLabel).toList();
			if (definition instanceof ScaffoldDefinition scaffold) {
				// A scaffold's own arrows first, then its children's: edges in pre-order.
				List<NodeDefinition> definitions = scaffold.children();
				if (scaffold.transition() instanceof LinearTransition) {
					for (int i = 0; i + 1 < definitions.size(); i++) {
						addEdge(position.child(definitions.get(i).name()),
								position.child(definitions.get(i + 1).name()), GraphEdge.Kind.NEXT);
					}
				}
				List<GraphNode> children = new ArrayList<>();
				for (NodeDefinition child : definitions) {
					children.add(node(position.child(child.name()), child));
				}
				String name = position.isRoot() ? this.flow.path() : scaffold.name();
				String title = position.isRoot() ? this.flow.title() : scaffold.title();
				return new GraphNode(id, position, GraphNode.Kind.SCAFFOLD, name, title,
						transitionLabel(scaffold.transition()), preconditions, children, scaffoldMark(position));
			}
			ActionDefinition action = (ActionDefinition) definition;
			for (Class<?> target : action.targets()) {
				this.flow.resolveTarget(position, target)
					.ifPresent((to) -> addEdge(position, to, GraphEdge.Kind.GO_TO));
			}
			return new GraphNode(id, position, GraphNode.Kind.ACTION, action.name(), action.title(), null,
					preconditions, List.of(), actionMark(position));
		}

		private void addEdge(Position from, Position to, GraphEdge.Kind kind) {
			this.edges.add(new GraphEdge(from, to, kind, taken(from, to)));
		}

		/** Whether the path steps from inside {@code from} straight into {@code to}. */
		private boolean taken(Position from, Position to) {
			for (int i = 0; i + 1 < this.path.size(); i++) {
				if (this.path.get(i).startsWith(from) && this.path.get(i + 1).startsWith(to)) {
					return true;
				}
			}
			return false;
		}

		private GraphNode.Mark actionMark(Position position) {
			if (position.equals(this.current)) {
				return GraphNode.Mark.CURRENT;
			}
			return this.path.contains(position) ? GraphNode.Mark.VISITED : GraphNode.Mark.NONE;
		}

		private GraphNode.Mark scaffoldMark(Position position) {
			return this.path.stream().anyMatch((step) -> step.startsWith(position)) ? GraphNode.Mark.VISITED
					: GraphNode.Mark.NONE;
		}

	}

}
