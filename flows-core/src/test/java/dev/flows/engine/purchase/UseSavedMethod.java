package dev.flows.engine.purchase;

import dev.flows.definition.FlowAction;
import dev.flows.definition.OnGet;

@FlowAction
public class UseSavedMethod {

	@OnGet
	public String show() {
		return "payment/saved";
	}

}
