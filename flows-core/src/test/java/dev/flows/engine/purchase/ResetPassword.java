package dev.flows.engine.purchase;

import dev.flows.definition.FlowAction;
import dev.flows.definition.OnGet;
import dev.flows.definition.OnPost;
import dev.flows.definition.Outcome;

/** Sends the user back to the login step, to log in with the new password. */
@FlowAction(targets = LoginOrRegister.class)
public class ResetPassword {

	@OnGet
	public String show() {
		return "account/reset-password";
	}

	@OnPost
	public Outcome reset() {
		return Outcome.goTo(LoginOrRegister.class);
	}

}
