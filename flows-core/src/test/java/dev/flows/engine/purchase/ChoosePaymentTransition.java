package dev.flows.engine.purchase;

import java.util.Optional;

import dev.flows.definition.FlowContext;
import dev.flows.definition.NodeDefinition;
import dev.flows.definition.ScaffoldDefinition;
import dev.flows.definition.Transition;

/** A user with a saved payment method uses it; anyone else enters a new one. */
public class ChoosePaymentTransition implements Transition {

	@Override
	public NodeDefinition firstChild(ScaffoldDefinition scaffold, FlowContext context) {
		return context.state().contains("savedMethod") ? scaffold.child(UseSavedMethod.class)
				: scaffold.child(NewPaymentMethod.class);
	}

	@Override
	public Optional<NodeDefinition> nextChild(ScaffoldDefinition scaffold, NodeDefinition completed,
			FlowContext context) {
		return Optional.empty();
	}

}
