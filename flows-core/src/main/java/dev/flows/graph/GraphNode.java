package dev.flows.graph;

import java.util.List;
import java.util.Objects;

import dev.flows.definition.Position;

/**
 * A node of a {@link FlowGraph}: a scaffold with its children, or a step.
 *
 * @param id an identifier unique in the graph, usable as a DOT, Mermaid or XML id
 * ({@code n0} for the root, then depth-first)
 * @param position where the node sits in the flow
 * @param kind scaffold or action
 * @param name the node's name in URLs; for the root, the flow's path
 * @param title the human-readable title
 * @param transition for a scaffold, how it chooses among its children ({@code linear},
 * {@code explicit}, or {@code custom: } and the transition's class); {@code null} for an
 * action
 * @param preconditions a label for each precondition, in the order they are checked
 * @param children a scaffold's children in declaration order; empty for an action
 * @param mark how a task's path touches the node
 */
public record GraphNode(String id, Position position, Kind kind, String name, String title, String transition,
		List<String> preconditions, List<GraphNode> children, Mark mark) {

	/**
	 * Requires an id, a position, a kind and a mark, and keeps unmodifiable copies of the
	 * preconditions and children.
	 */
	public GraphNode {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(position, "position");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(mark, "mark");
		preconditions = List.copyOf(preconditions);
		children = List.copyOf(children);
	}

	/** Whether this is a scaffold. */
	public boolean isScaffold() {
		return this.kind == Kind.SCAFFOLD;
	}

	/** What a node is. */
	public enum Kind {

		/** A scaffold: holds children. */
		SCAFFOLD,
		/** An action: one step. */
		ACTION

	}

	/** How a task's path touches a node. */
	public enum Mark {

		/** Not on the path, or no task given. */
		NONE,
		/** A step the task went through, or a scaffold holding one. */
		VISITED,
		/** The task's current step. */
		CURRENT

	}

}
