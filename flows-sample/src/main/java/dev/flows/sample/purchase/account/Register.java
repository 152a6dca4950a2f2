package dev.flows.sample.purchase.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import dev.flows.definition.FlowAction;
import dev.flows.definition.OnGet;
import dev.flows.definition.OnPost;
import dev.flows.definition.Outcome;
import dev.flows.sample.account.Account;
import dev.flows.sample.account.Accounts;
import dev.flows.sample.account.SignIn;

import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Creating an account, then signing in with it. Completing it completes
 * {@link GetUserAccount} (an explicit scaffold), so the customer goes on to payment.
 * <p>
 * The step keeps its form ({@code form = "form"}): back here, the name and the email
 * address are filled in again. The two passwords are not kept: {@link RegisterForm} marks
 * them {@code @JsonIgnore}, so they never enter the task state.
 */
@FlowAction(name = "register", title = "Create an account", view = "purchase/account/register",
		submitLabel = "Create my account", form = "form")
public class Register {

	private final Accounts accounts;

	private final SignIn signIn;

	Register(Accounts accounts, SignIn signIn) {
		this.accounts = accounts;
		this.signIn = signIn;
	}

	@OnGet
	void show(@ModelAttribute("form") RegisterForm form) {
	}

	@OnPost
	Outcome register(@Valid @ModelAttribute("form") RegisterForm form, BindingResult errors, HttpServletRequest request,
			HttpServletResponse response) {
		if (!errors.hasFieldErrors("confirmPassword") && form.getPassword() != null
				&& !form.getPassword().equals(form.getConfirmPassword())) {
			errors.rejectValue("confirmPassword", "mismatch", "The two passwords are not the same");
		}
		if (!errors.hasFieldErrors("email") && this.accounts.exists(form.getEmail())) {
			errors.rejectValue("email", "taken", "There is an account with this email address already; log in instead");
		}
		if (errors.hasErrors()) {
			return Outcome.redisplay();
		}
		Account account = this.accounts.register(form.getEmail(), form.getName(), form.getPassword());
		this.signIn.asNewAccount(account, request, response);
		return Outcome.complete();
	}

}
