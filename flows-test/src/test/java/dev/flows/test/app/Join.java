package dev.flows.test.app;

import dev.flows.definition.Flow;

/**
 * Joining a club, at {@code /join}: {@code name}, then {@code choose/plan} (or, with a
 * voucher, {@code choose/voucher}), {@code newsletter} (skippable), and {@code confirm},
 * which needs a signed-in user.
 */
@Flow(path = "/join", title = "Join", children = { Name.class, Choose.class, Newsletter.class, Confirm.class },
		cancelUrl = "/cancelled", onComplete = "join/done")
public class Join {

}
