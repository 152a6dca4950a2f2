package dev.flows.sample.purchase.payment;

import java.util.Optional;

import dev.flows.definition.FlowContext;
import dev.flows.definition.NodeDefinition;
import dev.flows.definition.ScaffoldDefinition;
import dev.flows.definition.Transition;
import dev.flows.sample.account.PaymentMethod;

/**
 * A choice on state: after {@link ChoosePaymentType}, go to the page of the kind chosen;
 * after that page (or pages: {@link BankAccount} is a linear scaffold of two) the
 * scaffold is done.
 * <p>
 * A transition that needs no beans need not be one: Flows creates it.
 */
public class PaymentTypeTransition implements Transition {

	@Override
	public Optional<NodeDefinition> nextChild(ScaffoldDefinition scaffold, NodeDefinition completed,
			FlowContext context) {
		if (!completed.is(ChoosePaymentType.class)) {
			return Optional.empty();
		}
		PaymentMethod.Type type = context.state().get("paymentType", PaymentMethod.Type.class);
		return Optional.of(switch (type) {
			case CARD -> scaffold.child(CreditCard.class);
			case BANK_ACCOUNT -> scaffold.child(BankAccount.class);
			case PAYPAL -> scaffold.child(PayPal.class);
		});
	}

}
