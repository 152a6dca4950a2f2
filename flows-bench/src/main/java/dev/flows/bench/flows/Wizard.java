package dev.flows.bench.flows;

import dev.flows.definition.Flow;

/**
 * Variant (d): the same three steps as a Flows flow at {@code /flows}, on whichever store
 * the profile picks.
 */
@Flow(path = "/flows", name = "wizard", children = { EnterName.class, EnterAddress.class, Confirm.class },
		cancelUrl = "/", onComplete = "done")
public class Wizard {

}
