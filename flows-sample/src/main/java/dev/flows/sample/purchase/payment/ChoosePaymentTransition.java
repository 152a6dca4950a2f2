package dev.flows.sample.purchase.payment;

import java.util.Optional;

import dev.flows.definition.FlowContext;
import dev.flows.definition.NodeDefinition;
import dev.flows.definition.ScaffoldDefinition;
import dev.flows.definition.Transition;
import dev.flows.sample.account.PaymentMethodRepository;

import org.springframework.stereotype.Component;

/**
 * A custom transition: a customer with a saved payment method starts at
 * {@link UseSavedMethod}, anyone else at {@link NewPaymentMethod}. Whichever child
 * completes, the scaffold is done.
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
		// ChoosePayment is under @RequiresLogin, and the customer signed in on an earlier
		// step (or in the
		// request that gets here: Flows moves on as the user signed in by then).
		boolean hasSavedMethod = context.principal()
			.map((principal) -> this.paymentMethods.existsByOwnerEmail(principal.getName()))
			.orElse(false);
		return hasSavedMethod ? scaffold.child(UseSavedMethod.class) : scaffold.child(NewPaymentMethod.class);
	}

	@Override
	public Optional<NodeDefinition> nextChild(ScaffoldDefinition scaffold, NodeDefinition completed,
			FlowContext context) {
		return Optional.empty();
	}

}
