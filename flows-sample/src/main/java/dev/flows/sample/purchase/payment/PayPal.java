package dev.flows.sample.purchase.payment;

import jakarta.validation.Valid;

import dev.flows.definition.FlowAction;
import dev.flows.definition.OnGet;
import dev.flows.definition.OnPost;
import dev.flows.definition.Outcome;
import dev.flows.sample.account.PaymentMethod;
import dev.flows.state.TaskState;

import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * PayPal. Named explicitly: the derived name would be {@code pay-pal}. The step keeps its
 * form ({@code form = "form"}): back here, the address and "save for later" are filled in
 * again.
 */
@FlowAction(name = "paypal", title = "PayPal", view = "purchase/payment/paypal", owns = "payment", form = "form")
public class PayPal {

	private final PaymentGateway gateway;

	PayPal(PaymentGateway gateway) {
		this.gateway = gateway;
	}

	@OnGet
	void show(@ModelAttribute("form") PayPalForm form) {
	}

	@OnPost
	Outcome enter(@Valid @ModelAttribute("form") PayPalForm form, BindingResult errors, TaskState state) {
		if (errors.hasErrors()) {
			return Outcome.redisplay();
		}
		String email = form.getEmail().strip();
		state.put("payment", Payment.newMethod(PaymentMethod.Type.PAYPAL, "PayPal (" + email + ")",
				this.gateway.tokenizePayPal(email), form.isSaveForLater()));
		return Outcome.complete();
	}

}
