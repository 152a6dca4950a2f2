package dev.flows.engine.purchase;

import java.util.Optional;

import dev.flows.definition.FlowContext;
import dev.flows.definition.NodeDefinition;
import dev.flows.definition.ScaffoldDefinition;
import dev.flows.definition.Transition;

/**
 * Chooses by the state key {@code paymentType}: {@code card} (the default), {@code bank}
 * or {@code paypal}.
 */
public class PaymentTypeTransition implements Transition {

	@Override
	public NodeDefinition firstChild(ScaffoldDefinition scaffold, FlowContext context) {
		String type = context.state().get("paymentType", String.class, "card");
		return switch (type) {
			case "bank" -> scaffold.child(BankAccount.class);
			case "paypal" -> scaffold.child(PayPal.class);
			default -> scaffold.child(CreditCard.class);
		};
	}

	@Override
	public Optional<NodeDefinition> nextChild(ScaffoldDefinition scaffold, NodeDefinition completed,
			FlowContext context) {
		return Optional.empty();
	}

}
