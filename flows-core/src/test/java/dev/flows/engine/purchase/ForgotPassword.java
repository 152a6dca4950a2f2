package dev.flows.engine.purchase;

import dev.flows.definition.Scaffold;

@Scaffold(children = { EnterEmail.class, EnterCode.class, ResetPassword.class })
public class ForgotPassword {

}
