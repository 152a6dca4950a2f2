package dev.flows.sample.purchase.account;

import dev.flows.definition.Scaffold;

/**
 * Three pages one after the other (the default, linear transition): the email address,
 * the code that was mailed to it, a new password. The last one sends the customer back to
 * {@link LoginOrRegister} to log in with it.
 */
@Scaffold(name = "forgot-password", title = "Reset your password",
		children = { EnterEmail.class, EnterCode.class, ResetPassword.class })
public class ForgotPassword {

}
