package dev.flows.engine.purchase;

import dev.flows.definition.FlowAction;
import dev.flows.definition.OnGet;
import dev.flows.definition.RequiresState;

/** Needs the item chosen on the first step; without it the user is sent back there. */
@FlowAction(submitLabel = "Pay", showCancel = false)
@RequiresState(value = "item", otherwise = ConfirmItem.class)
public class ConfirmAndPay {

	@OnGet
	public String show() {
		return "purchase/confirm-and-pay";
	}

}
