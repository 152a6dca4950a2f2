package dev.flows.sample.purchase.account;

import dev.flows.definition.ExplicitTransition;
import dev.flows.definition.Preconditions;
import dev.flows.definition.Scaffold;

/**
 * "Tell us who you are": log in, register, or reset a forgotten password. The transition
 * is explicit: {@link LoginOrRegister} names where to go
 * ({@code Outcome.goTo(Register.class)}), and any child that completes without naming a
 * target completes the whole scaffold.
 * <p>
 * A customer who is signed in already skips it: {@link SkipWhenSignedIn}.
 */
@Scaffold(name = "account", title = "Tell us who you are",
		children = { LoginOrRegister.class, Register.class, ForgotPassword.class },
		transition = ExplicitTransition.class)
@Preconditions(SkipWhenSignedIn.class)
public class GetUserAccount {

}
