package dev.flows.sample.purchase;

import java.security.Principal;

import dev.flows.definition.FlowAction;
import dev.flows.definition.OnGet;
import dev.flows.definition.OnPost;
import dev.flows.definition.RequiresLogin;
import dev.flows.definition.RequiresState;
import dev.flows.engine.Outcome;
import dev.flows.engine.Task;
import dev.flows.sample.purchase.payment.Payment;
import dev.flows.sample.shop.Prices;
import dev.flows.sample.shop.ProductRepository;
import dev.flows.web.FlowState;

import org.springframework.ui.Model;

/**
 * The last step: everything at a glance, and the button that places the order.
 * <p>
 * The order is placed in the POST handler and nowhere else. A double click sends the form twice:
 * Flows runs the second POST after the first, sees that it carries an old task version, and sends
 * it to the order confirmation instead of running this handler again.
 */
@FlowAction(name = "confirm", title = "Confirm and pay", view = "purchase/confirm", submitLabel = "Confirm and pay")
@RequiresLogin
@RequiresState(value = "item", otherwise = ConfirmItem.class)
public class ConfirmAndPay {

	private final ProductRepository products;

	private final Checkout checkout;

	ConfirmAndPay(ProductRepository products, Checkout checkout) {
		this.products = products;
		this.checkout = checkout;
	}

	@OnGet
	void show(@FlowState("item") ItemChoice item, @FlowState(value = "payment", required = true) Payment payment,
			Principal principal, Model model) {
		var product = this.products.findById(item.productId()).orElseThrow();
		model.addAttribute("product", product);
		model.addAttribute("quantity", item.quantity());
		model.addAttribute("total", Prices.format(product.getPriceCents() * item.quantity()));
		model.addAttribute("payment", payment);
		model.addAttribute("email", principal.getName());
	}

	@OnPost
	Outcome pay(@FlowState("item") ItemChoice item, @FlowState(value = "payment", required = true) Payment payment,
			Principal principal, Task task) {
		Receipt receipt = this.checkout.placeOrder(task.id(), principal.getName(), item, payment);
		task.state().put("receipt", receipt);
		return Outcome.complete();
	}

}
