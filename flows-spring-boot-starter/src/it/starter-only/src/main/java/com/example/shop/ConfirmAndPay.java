package com.example.shop;

import dev.flows.definition.FlowAction;
import dev.flows.definition.FlowState;
import dev.flows.definition.OnGet;
import dev.flows.definition.OnPost;
import dev.flows.definition.Outcome;
import dev.flows.definition.RequiresState;

import org.springframework.ui.Model;

@FlowAction(title = "Confirm and pay", view = "purchase/confirm", submitLabel = "Pay")
@RequiresState(value = "item", otherwise = ConfirmItem.class)
public class ConfirmAndPay {

	@OnGet
	void show(@FlowState("item") String item, Model model) {
		model.addAttribute("item", item);
	}

	@OnPost
	Outcome pay(@FlowState("item") String item) {
		return Outcome.complete();
	}

}
