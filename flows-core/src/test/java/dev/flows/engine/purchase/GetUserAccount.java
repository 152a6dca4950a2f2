package dev.flows.engine.purchase;

import dev.flows.definition.ExplicitTransition;
import dev.flows.definition.Preconditions;
import dev.flows.definition.Scaffold;

/** Skipped altogether when the user is already signed in. */
@Scaffold(title = "Tell us who you are", children = { LoginOrRegister.class, Register.class, ForgotPassword.class },
		transition = ExplicitTransition.class)
@Preconditions(SkipWhenAuthenticated.class)
public class GetUserAccount {

}
