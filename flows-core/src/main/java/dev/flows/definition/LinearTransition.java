package dev.flows.definition;

import java.util.Optional;

/**
 * Children run one after the other in declaration order; after the last one the scaffold
 * completes.
 */
public final class LinearTransition implements Transition {

	/** The shared instance. */
	public static final LinearTransition INSTANCE = new LinearTransition();

	@Override
	public Optional<NodeDefinition> nextChild(ScaffoldDefinition scaffold, NodeDefinition completed,
			FlowContext context) {
		return scaffold.childAfter(completed);
	}

	@Override
	public String toString() {
		return "linear";
	}

}
