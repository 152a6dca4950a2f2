package dev.flows.engine.purchase;

import dev.flows.definition.FlowContext;
import dev.flows.definition.Precondition;
import dev.flows.definition.PreconditionResult;

/** A signed-in user has nothing to tell us: the node counts as completed. */
public class SkipWhenAuthenticated implements Precondition {

	@Override
	public PreconditionResult check(FlowContext context) {
		return context.isAuthenticated() ? PreconditionResult.skip() : PreconditionResult.pass();
	}

}
