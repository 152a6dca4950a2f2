package dev.flows.sample.purchase.account;

import jakarta.validation.Valid;

import dev.flows.definition.FlowAction;
import dev.flows.definition.FlowState;
import dev.flows.definition.OnGet;
import dev.flows.definition.OnPost;
import dev.flows.definition.Outcome;
import dev.flows.definition.RequiresState;
import dev.flows.sample.account.Accounts;
import dev.flows.state.TaskState;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Sets the new password, then sends the customer back to {@link LoginOrRegister} with
 * {@code Outcome.goTo(...)} to log in with it. {@code LoginOrRegister} is a child of
 * {@link GetUserAccount}, which encloses this step, so it is a valid target.
 * <p>
 * Unlike the other steps with a form, this one does not keep it
 * ({@code @FlowAction(form)}): it holds nothing but the new password, twice, and
 * passwords never enter the task state.
 */
@FlowAction(name = "new-password", title = "Choose a new password", view = "purchase/account/new-password",
		submitLabel = "Save the new password", owns = "passwordChanged", targets = LoginOrRegister.class)
@RequiresState(value = { "reset", "resetVerified" }, otherwise = EnterEmail.class)
public class ResetPassword {

	private final Accounts accounts;

	ResetPassword(Accounts accounts) {
		this.accounts = accounts;
	}

	@OnGet
	void show(Model model) {
		model.addAttribute("form", new NewPasswordForm());
	}

	@OnPost
	Outcome reset(@Valid @ModelAttribute("form") NewPasswordForm form, BindingResult errors,
			@FlowState("reset") ResetRequest reset, TaskState state) {
		if (!errors.hasFieldErrors("confirmPassword") && form.getPassword() != null
				&& !form.getPassword().equals(form.getConfirmPassword())) {
			errors.rejectValue("confirmPassword", "mismatch", "The two passwords are not the same");
		}
		if (errors.hasErrors()) {
			return Outcome.redisplay();
		}
		this.accounts.changePassword(reset.email(), form.getPassword());
		// A code works once.
		state.remove("reset").remove("resetVerified");
		state.put("passwordChanged", reset.email());
		return Outcome.goTo(LoginOrRegister.class);
	}

}
