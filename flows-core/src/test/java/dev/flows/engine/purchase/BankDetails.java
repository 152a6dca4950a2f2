package dev.flows.engine.purchase;

import dev.flows.definition.FlowAction;
import dev.flows.definition.OnGet;

@FlowAction(owns = "iban")
public class BankDetails {

	@OnGet
	public String show() {
		return "payment/bank-details";
	}

}
