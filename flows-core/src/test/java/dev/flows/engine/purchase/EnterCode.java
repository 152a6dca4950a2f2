package dev.flows.engine.purchase;

import dev.flows.definition.FlowAction;
import dev.flows.definition.OnGet;

@FlowAction(owns = "code")
public class EnterCode {

	@OnGet
	public String show() {
		return "account/enter-code";
	}

}
