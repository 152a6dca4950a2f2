package dev.flows.engine.purchase;

import dev.flows.definition.FlowAction;
import dev.flows.definition.OnGet;

@FlowAction(title = "Do you want to buy this?", owns = "item", showBack = false, submitLabel = "Buy")
public class ConfirmItem {

	@OnGet
	public String show() {
		return "purchase/confirm-item";
	}

}
