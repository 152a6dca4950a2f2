package dev.flows.definition;

import java.util.Optional;

/**
 * Decides where the user goes inside a scaffold: which child is entered first, and which
 * one follows when a child completes. Built in: {@link LinearTransition} and
 * {@link ExplicitTransition}; a custom transition chooses on task state (a payment
 * method, an account type, ...).
 * <p>
 * {@code Outcome.goTo(...)} bypasses the transition: the action named its target itself.
 */
public interface Transition {

	/** The child to enter when the scaffold is entered. Defaults to the first child. */
	default NodeDefinition firstChild(ScaffoldDefinition scaffold, FlowContext context) {
		return scaffold.children().get(0);
	}

	/**
	 * The child to enter after {@code completed} completed, or empty to complete the
	 * scaffold itself (its parent's transition then decides).
	 */
	Optional<NodeDefinition> nextChild(ScaffoldDefinition scaffold, NodeDefinition completed, FlowContext context);

}
