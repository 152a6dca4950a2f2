package dev.flows.graph;

import java.util.Objects;

import dev.flows.definition.Position;

/**
 * An arrow of a {@link FlowGraph}, between two nodes (steps or scaffolds).
 *
 * @param from where the arrow starts
 * @param to where it leads
 * @param kind why the flow may move along it
 * @param taken whether the task given to the graph moved along it
 */
public record GraphEdge(Position from, Position to, Kind kind, boolean taken) {

	/**
	 * Requires both ends and a kind.
	 */
	public GraphEdge {
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		Objects.requireNonNull(kind, "kind");
	}

	/** Why the flow may move along an edge. */
	public enum Kind {

		/** The next sibling in a linear scaffold. */
		NEXT,
		/** A {@code goTo} target an action declares. */
		GO_TO

	}

}
