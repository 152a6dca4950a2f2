package dev.flows.engine.purchase;

import dev.flows.definition.FlowAction;
import dev.flows.definition.OnGet;

@FlowAction(owns = "address")
public class AccountAddress {

	@OnGet
	public String show() {
		return "payment/account-address";
	}

}
