package dev.flows.sample.purchase.payment;

import jakarta.validation.Valid;

import dev.flows.definition.FlowAction;
import dev.flows.definition.OnGet;
import dev.flows.definition.OnPost;
import dev.flows.definition.Outcome;
import dev.flows.state.TaskState;

import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Card, bank account or PayPal? {@link PaymentTypeTransition} reads the answer,
 * {@code "paymentType"}. The step keeps its form ({@code form = "form"}): back here, the
 * earlier choice is chosen again.
 */
@FlowAction(name = "type", title = "How would you like to pay?", view = "purchase/payment/type", owns = "paymentType",
		form = "form")
public class ChoosePaymentType {

	@OnGet
	void show(@ModelAttribute("form") PaymentTypeForm form) {
	}

	@OnPost
	Outcome choose(@Valid @ModelAttribute("form") PaymentTypeForm form, BindingResult errors, TaskState state) {
		if (errors.hasErrors()) {
			return Outcome.redisplay();
		}
		state.put("paymentType", form.getType());
		return Outcome.complete();
	}

}
