package dev.flows.test.app;

import dev.flows.definition.ExplicitTransition;
import dev.flows.definition.Scaffold;

/** A plan, or a voucher instead: the plan step says which. */
@Scaffold(name = "choose", children = { Plan.class, Voucher.class }, transition = ExplicitTransition.class)
public class Choose {

}
