package dev.flows.engine.purchase;

import dev.flows.definition.FlowAction;
import dev.flows.definition.OnGet;

@FlowAction(owns = "card")
public class CreditCard {

	@OnGet
	public String show() {
		return "payment/card";
	}

}
