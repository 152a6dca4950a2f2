package dev.flows.definition;

import java.util.List;

/**
 * A node of a flow's tree: an {@link ActionDefinition} (a leaf) or a
 * {@link ScaffoldDefinition}. Definitions are immutable and validated when the
 * {@link FlowRegistry} is built.
 */
public sealed interface NodeDefinition permits ActionDefinition, ScaffoldDefinition {

	/** The name used in URLs, unique among siblings. */
	String name();

	/** The human-readable title. */
	String title();

	/**
	 * The class that declared the node; {@code null} for a scaffold built without one.
	 */
	Class<?> type();

	/** Checked in order before the node is entered or served. */
	List<Precondition> preconditions();

	/** Whether this node was declared by {@code type} (or a subclass of it). */
	default boolean is(Class<?> type) {
		return type() != null && type.isAssignableFrom(type());
	}

}
