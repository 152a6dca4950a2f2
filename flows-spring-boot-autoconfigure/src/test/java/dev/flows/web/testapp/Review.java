package dev.flows.web.testapp;

import java.util.concurrent.atomic.AtomicInteger;

import dev.flows.definition.FlowAction;
import dev.flows.definition.FlowState;
import dev.flows.definition.OnGet;
import dev.flows.definition.OnPost;
import dev.flows.definition.Outcome;
import dev.flows.definition.RequiresLogin;
import dev.flows.definition.RequiresState;

import org.springframework.ui.Model;

@FlowAction(title = "Review and order", view = "order/review", submitLabel = "Place order", fragment = "summary")
@RequiresLogin
@RequiresState(value = "item", otherwise = PickItem.class)
public class Review {

	public final AtomicInteger ordersPlaced = new AtomicInteger();

	@OnGet
	void show(@FlowState("item") PickItem.Item item, Model model) {
		model.addAttribute("item", item);
	}

	@OnPost
	Outcome place() {
		this.ordersPlaced.incrementAndGet();
		return Outcome.complete();
	}

}
