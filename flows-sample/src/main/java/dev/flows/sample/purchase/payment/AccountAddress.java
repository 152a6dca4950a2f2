package dev.flows.sample.purchase.payment;

import java.util.List;

import jakarta.validation.Valid;

import dev.flows.definition.FlowAction;
import dev.flows.definition.FlowState;
import dev.flows.definition.OnGet;
import dev.flows.definition.OnPost;
import dev.flows.definition.Outcome;
import dev.flows.definition.RequiresState;
import dev.flows.sample.account.PaymentMethod;
import dev.flows.state.TaskState;

import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The second page of {@link BankAccount}. It needs the first page's answer:
 * {@code @RequiresState("bankAccount")} sends anyone without it to {@link BankDetails}.
 * <p>
 * The step keeps its form ({@code form = "form"}): back here, the whole address is filled
 * in again.
 */
@FlowAction(name = "address", title = "Account holder's address", view = "purchase/payment/account-address",
		owns = "payment", form = "form")
@RequiresState(value = "bankAccount", otherwise = BankDetails.class)
public class AccountAddress {

	static final List<String> COUNTRIES = List.of("Austria", "Belgium", "France", "Germany", "Ireland", "Italy",
			"Netherlands", "Portugal", "Spain");

	@ModelAttribute("countries")
	List<String> countries() {
		return COUNTRIES;
	}

	@ModelAttribute("bankAccount")
	BankAccountDetails bankAccount(@FlowState("bankAccount") BankAccountDetails bankAccount) {
		return bankAccount;
	}

	@OnGet
	void show(@ModelAttribute("form") AddressForm form) {
	}

	@OnPost
	Outcome enter(@Valid @ModelAttribute("form") AddressForm form, BindingResult errors,
			@FlowState("bankAccount") BankAccountDetails bankAccount, TaskState state) {
		if (form.getCountry() != null && !form.getCountry().isBlank() && !COUNTRIES.contains(form.getCountry())) {
			errors.rejectValue("country", "unknown", "Choose one of the countries in the list");
		}
		if (errors.hasErrors()) {
			return Outcome.redisplay();
		}
		String label = String.format("Bank account ending in %s (%s, %s)", bankAccount.ibanEnding(),
				bankAccount.holder(), form.getCity().strip());
		state.put("payment",
				Payment.newMethod(PaymentMethod.Type.BANK_ACCOUNT, label, bankAccount.token(), form.isSaveForLater()));
		return Outcome.complete();
	}

}
