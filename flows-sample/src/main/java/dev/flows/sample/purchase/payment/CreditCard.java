package dev.flows.sample.purchase.payment;

import java.time.YearMonth;

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
 * Card details. Bean Validation checks the form (including the Luhn check digit); the
 * handler adds the check that needs today's date. The card goes to the gateway; the state
 * keeps its token and a label.
 * <p>
 * The step keeps its form ({@code form = "form"}), but only what is no secret: back here,
 * the name on the card, the expiry date and "save for later" are filled in again, and the
 * card number and the security code must be typed again. {@link CardForm} marks those two
 * {@code @JsonIgnore}, so they never enter the task state.
 */
@FlowAction(name = "card", title = "Card details", view = "purchase/payment/card", owns = "payment", form = "form")
public class CreditCard {

	private final PaymentGateway gateway;

	CreditCard(PaymentGateway gateway) {
		this.gateway = gateway;
	}

	@OnGet
	void show(@ModelAttribute("form") CardForm form) {
	}

	@OnPost
	Outcome enter(@Valid @ModelAttribute("form") CardForm form, BindingResult errors, TaskState state) {
		YearMonth expiry = null;
		if (!errors.hasFieldErrors("expiry")) {
			String[] parts = form.getExpiry().replaceAll("\\s", "").split("/");
			expiry = YearMonth.of(2000 + Integer.parseInt(parts[1]), Integer.parseInt(parts[0]));
			if (expiry.isBefore(YearMonth.now())) {
				errors.rejectValue("expiry", "expired", "This card has expired");
			}
		}
		if (errors.hasErrors()) {
			return Outcome.redisplay();
		}
		String digits = form.getNumber().replaceAll("[^0-9]", "");
		String label = String.format("%s ending in %s, expires %02d/%02d", this.gateway.brand(digits),
				digits.substring(digits.length() - 4), expiry.getMonthValue(), expiry.getYear() % 100);
		String token = this.gateway.tokenizeCard(digits, form.getExpiry());
		state.put("payment", Payment.newMethod(PaymentMethod.Type.CARD, label, token, form.isSaveForLater()));
		return Outcome.complete();
	}

}
