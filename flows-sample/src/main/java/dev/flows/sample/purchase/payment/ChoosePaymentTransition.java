package dev.flows.sample.purchase.payment;

import java.security.Principal;
import java.util.Optional;

import dev.flows.definition.FlowContext;
import dev.flows.definition.NodeDefinition;
import dev.flows.definition.ScaffoldDefinition;
import dev.flows.definition.Transition;
import dev.flows.sample.account.PaymentMethodRepository;

import org.springframework.stereotype.Component;

/**
 * A custom transition: a customer with a saved payment method starts at {@link UseSavedMethod},
 * anyone else at {@link NewPaymentMethod}. Whichever child completes, the scaffold is done.
 * <p>
 * Transitions may be beans: this one reads the database.
 */
@Component
public class ChoosePaymentTransition implements Transition {

	private final PaymentMethodRepository paymentMethods;

	ChoosePaymentTransition(PaymentMethodRepository paymentMethods) {
		this.paymentMethods = paymentMethods;
	}

	@Override
	public NodeDefinition firstChild(ScaffoldDefinition scaffold, FlowContext context) {
		// The request in which the customer logs in still carries the anonymous principal: the
		// login step puts the account into the state for that moment.
		String email = context.principal()
			.map(Principal::getName)
			.orElseGet(() -> context.state().get("account", String.class));
		return (email != null && this.paymentMethods.existsByOwnerEmail(email)) ? scaffold.child(UseSavedMethod.class)
				: scaffold.child(NewPaymentMethod.class);
	}

	@Override
	public Optional<NodeDefinition> nextChild(ScaffoldDefinition scaffold, NodeDefinition completed,
			FlowContext context) {
		return Optional.empty();
	}

}
