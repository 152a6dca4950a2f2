package dev.flows.engine.purchase;

import dev.flows.definition.Flow;

/** The purchase flow of DESIGN.md, as a test fixture. */
@Flow(path = "/buy", title = "Buy something",
		children = { ConfirmItem.class, GetUserAccount.class, ChoosePayment.class, ConfirmAndPay.class },
		cancelUrl = "/shop", onComplete = "purchase/thanks")
public class Purchase {

}
