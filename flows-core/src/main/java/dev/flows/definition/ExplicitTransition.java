package dev.flows.definition;

import java.util.Optional;

/**
 * Actions name their next step with {@code Outcome.goTo(...)}; when a child completes
 * without naming one, the scaffold completes. Suits alternatives such as log in /
 * register / forgot password.
 */
public final class ExplicitTransition implements Transition {

	/** The shared instance. */
	public static final ExplicitTransition INSTANCE = new ExplicitTransition();

	@Override
	public Optional<NodeDefinition> nextChild(ScaffoldDefinition scaffold, NodeDefinition completed,
			FlowContext context) {
		return Optional.empty();
	}

	@Override
	public String toString() {
		return "explicit";
	}

}
