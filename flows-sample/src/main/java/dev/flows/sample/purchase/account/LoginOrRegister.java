package dev.flows.sample.purchase.account;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import dev.flows.definition.FlowAction;
import dev.flows.definition.FlowState;
import dev.flows.definition.OnGet;
import dev.flows.definition.OnPost;
import dev.flows.definition.Outcome;
import dev.flows.sample.account.SignIn;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Logging in inside the flow. On success the customer is really signed in (Spring
 * Security's context, a new session id) and the same task carries on to payment.
 * <p>
 * The page also offers "Create an account" and "Forgot your password?": small forms that
 * post here with {@code instead=...}, and this step answers with
 * {@code Outcome.goTo(...)}, to targets it declares in {@code targets} (checked at
 * startup, drawn in the flow graph).
 * <p>
 * The step keeps its form ({@code form = "form"}), so the email address is filled in
 * again when the customer comes back here. The password is not kept: {@link LoginForm}
 * marks it {@code @JsonIgnore}, so it never enters the task state, and the page never
 * sends a password back.
 */
@FlowAction(name = "login", title = "Log in", view = "purchase/account/login", submitLabel = "Log in",
		targets = { Register.class, ForgotPassword.class }, form = "form")
public class LoginOrRegister {

	private final SignIn signIn;

	LoginOrRegister(SignIn signIn) {
		this.signIn = signIn;
	}

	/**
	 * A customer who is signed in already (back here with the browser's Back button, say)
	 * may carry on as who they are, or log in as someone else.
	 */
	@ModelAttribute("signedInAs")
	String signedInAs(Principal principal) {
		return (principal != null) ? principal.getName() : null;
	}

	/**
	 * {@code form} is the kept form when the customer comes back here, else a new one.
	 * {@code passwordChanged} is set by {@link ResetPassword}, which sends the customer
	 * back here: the address whose password was just changed.
	 */
	@OnGet
	void show(@ModelAttribute("form") LoginForm form, @FlowState("passwordChanged") String passwordChanged,
			Model model) {
		if (passwordChanged != null) {
			form.setEmail(passwordChanged);
		}
		model.addAttribute("passwordChanged", passwordChanged != null);
	}

	@OnPost
	Outcome logIn(@RequestParam(name = "instead", required = false) String instead,
			@Valid @ModelAttribute("form") LoginForm form, BindingResult errors, Principal principal,
			HttpServletRequest request, HttpServletResponse response) {
		if ("register".equals(instead)) {
			return Outcome.goTo(Register.class);
		}
		if ("forgot-password".equals(instead)) {
			return Outcome.goTo(ForgotPassword.class);
		}
		if ("continue".equals(instead) && principal != null) {
			return Outcome.complete();
		}
		if (errors.hasErrors()) {
			return Outcome.redisplay();
		}
		if (!this.signIn.withPassword(form.getEmail(), form.getPassword(), request, response)) {
			errors.reject("badCredentials", "That email address and password don't match an account");
			return Outcome.redisplay();
		}
		// Signed in: the rest of this request, ChoosePaymentTransition included, sees the
		// new user.
		return Outcome.complete();
	}

}
