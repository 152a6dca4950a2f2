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
 * The bank account: holder and IBAN (checked by the custom {@link Iban} constraint).
 * <p>
 * The step keeps its form ({@code form = "form"}): back here, the holder is filled in
 * again. The IBAN is not: like card numbers, IBANs never enter the task state (only the
 * gateway's token and the last four digits do), so {@link BankDetailsForm} marks it
 * {@code @JsonIgnore}.
 */
@FlowAction(name = "details", title = "Bank account", view = "purchase/payment/bank-details", owns = "bankAccount",
		form = "form")
public class BankDetails {

	private final PaymentGateway gateway;

	BankDetails(PaymentGateway gateway) {
		this.gateway = gateway;
	}

	@OnGet
	void show(@ModelAttribute("form") BankDetailsForm form) {
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
