package dev.flows.engine.purchase;

import dev.flows.definition.FlowAction;
import dev.flows.definition.OnGet;

/** Named explicitly: the derived name would be {@code pay-pal}. */
@FlowAction(name = "paypal", title = "PayPal", owns = "paypalAccount")
public class PayPal {

	@OnGet
	public String show() {
		return "payment/paypal";
	}

}
