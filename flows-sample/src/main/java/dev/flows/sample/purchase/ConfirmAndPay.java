package dev.flows.sample.purchase;

import java.security.Principal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.flows.definition.FlowAction;
import dev.flows.definition.FlowState;
import dev.flows.definition.OnGet;
import dev.flows.definition.OnPost;
import dev.flows.definition.Outcome;
import dev.flows.definition.RequiresLogin;
import dev.flows.definition.RequiresState;
import dev.flows.engine.Task;
import dev.flows.sample.purchase.payment.Payment;
import dev.flows.sample.shop.Prices;
import dev.flows.sample.shop.ProductRepository;

import org.springframework.ui.Model;

/**
 * The last step: everything at a glance, and the button that places the order.
 * <p>
 * The order is placed in the POST handler and nowhere else. A double click sends the form
 * twice: Flows runs the second POST after the first, sees that it carries an old task
 * version, and sends it to the order confirmation instead of running this handler again.
 * <p>
 * A saved payment method that is not the signed-in customer's (someone else signed in, in
 * this browser, since it was chosen) is refused by {@link Checkout}: the page says so,
 * shows no label of it, and offers Back to choose again, instead of the button.
 */
@FlowAction(name = "confirm", title = "Confirm and pay", view = "purchase/confirm", submitLabel = "Confirm and pay")
@RequiresLogin
@RequiresState(value = "item", otherwise = ConfirmItem.class)
public class ConfirmAndPay {

	private static final Logger logger = LoggerFactory.getLogger(ConfirmAndPay.class);

	private final ProductRepository products;

	private final Checkout checkout;

	ConfirmAndPay(ProductRepository products, Checkout checkout) {
		this.products = products;
		this.checkout = checkout;
	}

	@OnGet
	void show(@FlowState("item") ItemChoice item, @FlowState(value = "payment", required = true) Payment payment,
			Principal principal, Model model) {
		summarize(item, payment, principal.getName(), this.checkout.canPayWith(principal.getName(), payment), model);
	}

	@OnPost
	Outcome pay(@FlowState("item") ItemChoice item, @FlowState(value = "payment", required = true) Payment payment,
			Principal principal, Task task, Model model) {
		try {
			Receipt receipt = this.checkout.placeOrder(task.id(), principal.getName(), item, payment);
			task.state().put("receipt", receipt);
			return Outcome.complete();
		}
		catch (PaymentMethodRefusedException ex) {
			logger.warn("Order of task {} not placed: {}", task.id(), ex.getMessage());
			summarize(item, payment, principal.getName(), false, model);
			return Outcome.redisplay();
		}
	}

	private void summarize(ItemChoice item, Payment payment, String email, boolean payable, Model model) {
		var product = this.products.findById(item.productId()).orElseThrow();
		model.addAttribute("product", product);
		model.addAttribute("quantity", item.quantity());
		model.addAttribute("total", Prices.format(product.getPriceCents() * item.quantity()));
		model.addAttribute("payment", payment);
		model.addAttribute("paymentRefused", !payable);
		model.addAttribute("email", email);
	}

}
