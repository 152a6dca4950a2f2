package com.example.shop;

import dev.flows.definition.FlowAction;
import dev.flows.definition.OnGet;
import dev.flows.definition.OnPost;
import dev.flows.definition.Outcome;
import dev.flows.state.TaskState;

import org.springframework.web.bind.annotation.RequestParam;

@FlowAction(title = "How should we deliver it?", view = "purchase/choose-delivery", owns = "delivery",
		targets = EnterAddress.class)
public class ChooseDelivery {

	@OnGet
	void show() {
	}

	@OnPost
	Outcome choose(@RequestParam("delivery") String delivery, TaskState state) {
		state.put("delivery", delivery);
		return "post".equals(delivery) ? Outcome.goTo(EnterAddress.class) : Outcome.complete();
	}

}
