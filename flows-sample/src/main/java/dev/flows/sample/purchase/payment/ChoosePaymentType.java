package dev.flows.sample.purchase.payment;

import jakarta.validation.Valid;

import dev.flows.definition.FlowAction;
import dev.flows.definition.OnGet;
import dev.flows.definition.OnPost;
import dev.flows.engine.Outcome;
import dev.flows.sample.account.PaymentMethod;
import dev.flows.state.TaskState;
import dev.flows.web.FlowState;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Card, bank account or PayPal? {@link PaymentTypeTransition} reads the answer. */
@FlowAction(name = "type", title = "How would you like to pay?", view = "purchase/payment/type",
		owns = "paymentType")
public class ChoosePaymentType {

	@OnGet
	void show(@FlowState("paymentType") PaymentMethod.Type chosen, Model model) {
		PaymentTypeForm form = new PaymentTypeForm();
		form.setType(chosen);
		model.addAttribute("form", form);
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
