package dev.flows.engine.purchase;

import dev.flows.definition.FlowAction;
import dev.flows.definition.OnGet;

@FlowAction(owns = "username")
public class Register {

	@OnGet
	public String show() {
		return "account/register";
	}

}
