package dev.flows.engine.purchase;

import dev.flows.definition.FlowAction;
import dev.flows.definition.OnGet;
import dev.flows.definition.OnPost;
import dev.flows.definition.Outcome;

@FlowAction(targets = { Register.class, ForgotPassword.class }, owns = { "username", "savedMethod" },
		submitLabel = "Log in")
public class LoginOrRegister {

	@OnGet
	public String show() {
		return "account/login";
	}

	@OnPost
	public Outcome login() {
		return Outcome.complete();
	}

}
