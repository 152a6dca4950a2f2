package dev.flows.sample.purchase.payment;

import jakarta.validation.Valid;

import dev.flows.definition.FlowAction;
import dev.flows.definition.OnGet;
import dev.flows.definition.OnPost;
import dev.flows.engine.Outcome;
import dev.flows.state.TaskState;
import dev.flows.web.FlowState;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The bank account: holder and IBAN (checked by the custom {@link Iban} constraint). */
@FlowAction(name = "details", title = "Bank account", view = "purchase/payment/bank-details",
		owns = "bankAccount")
public class BankDetails {

	private final PaymentGateway gateway;

	BankDetails(PaymentGateway gateway) {
		this.gateway = gateway;
	}

	@OnGet
	void show(@FlowState("bankAccount") BankAccountDetails earlier, Model model) {
		BankDetailsForm form = new BankDetailsForm();
		if (earlier != null) {
			form.setHolder(earlier.holder());
		}
		model.addAttribute("form", form);
	}

	@OnPost
	Outcome enter(@Valid @ModelAttribute("form") BankDetailsForm form, BindingResult errors, TaskState state) {
		if (errors.hasErrors()) {
			return Outcome.redisplay();
		}
		String iban = Iban.Validator.normalize(form.getIban());
		String token = this.gateway.tokenizeBankAccount(form.getHolder(), iban);
		state.put("bankAccount",
				new BankAccountDetails(form.getHolder().strip(), iban.substring(iban.length() - 4), token));
		return Outcome.complete();
	}

}
