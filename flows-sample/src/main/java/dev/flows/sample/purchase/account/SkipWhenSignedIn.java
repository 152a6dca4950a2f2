package dev.flows.sample.purchase.account;

import dev.flows.definition.FlowContext;
import dev.flows.definition.Precondition;
import dev.flows.definition.PreconditionResult;

/**
 * A custom precondition: a signed-in customer has nothing to tell us, so as the flow
 * moves into {@link GetUserAccount} it counts as completed and the customer goes straight
 * to payment.
 */
public class SkipWhenSignedIn implements Precondition {

	@Override
	public PreconditionResult check(FlowContext context) {
		return context.isAuthenticated() ? PreconditionResult.skip() : PreconditionResult.pass();
	}

}
