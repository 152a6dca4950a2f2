package dev.flows.engine.purchase;

import dev.flows.definition.FlowAction;
import dev.flows.definition.OnGet;

@FlowAction(owns = "email")
public class EnterEmail {

	@OnGet
	public String show() {
		return "account/enter-email";
	}

}
