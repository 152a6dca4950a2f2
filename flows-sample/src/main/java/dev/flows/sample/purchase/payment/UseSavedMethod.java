package dev.flows.sample.purchase.payment;

import java.security.Principal;
import java.util.List;

import jakarta.validation.Valid;

import dev.flows.definition.FlowAction;
import dev.flows.definition.OnGet;
import dev.flows.definition.OnPost;
import dev.flows.definition.Outcome;
import dev.flows.sample.account.PaymentMethod;
import dev.flows.sample.account.PaymentMethodRepository;
import dev.flows.state.TaskState;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Pay with a method saved on the account, or ("Use a different method") go to
 * {@link NewPaymentMethod}. The step keeps its form ({@code form = "form"}): back here,
 * the method chosen before is chosen again.
 */
@FlowAction(name = "saved", title = "Pay with a saved method", view = "purchase/payment/saved", owns = "payment",
		targets = NewPaymentMethod.class, form = "form")
public class UseSavedMethod {

	private final PaymentMethodRepository paymentMethods;

	UseSavedMethod(PaymentMethodRepository paymentMethods) {
		this.paymentMethods = paymentMethods;
	}

	/** The step is under {@code @RequiresLogin}: there is always a principal here. */
	@ModelAttribute("methods")
	List<PaymentMethod> methods(Principal principal) {
		return this.paymentMethods.findByOwnerEmailOrderByCreatedAtAsc(principal.getName());
	}

	/**
	 * {@code form} is the kept form when the customer comes back here (the method chosen
	 * before), else a new one, on which the first method is preselected.
	 */
	@OnGet
	void show(@ModelAttribute("form") SavedMethodForm form, Model model) {
		@SuppressWarnings("unchecked")
		List<PaymentMethod> methods = (List<PaymentMethod>) model.getAttribute("methods");
		if (form.getMethodId() == null && !methods.isEmpty()) {
			form.setMethodId(methods.get(0).getId());
		}
	}

	@OnPost
	Outcome choose(@RequestParam(name = "instead", required = false) String instead,
			@Valid @ModelAttribute("form") SavedMethodForm form, BindingResult errors, Principal principal,
			TaskState state) {
		if ("new".equals(instead)) {
			return Outcome.goTo(NewPaymentMethod.class);
		}
		if (errors.hasErrors()) {
			return Outcome.redisplay();
		}
		PaymentMethod method = this.paymentMethods.findByIdAndOwnerEmail(form.getMethodId(), principal.getName())
			.orElse(null);
		if (method == null) {
			errors.rejectValue("methodId", "unknown", "Choose one of your payment methods");
			return Outcome.redisplay();
		}
		state.put("payment", Payment.saved(method));
		return Outcome.complete();
	}

}
