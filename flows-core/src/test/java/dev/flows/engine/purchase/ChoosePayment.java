package dev.flows.engine.purchase;

import dev.flows.definition.RequiresLogin;
import dev.flows.definition.Scaffold;

@Scaffold(title = "Tell us how you want to pay", children = { UseSavedMethod.class, NewPaymentMethod.class },
		transition = ChoosePaymentTransition.class)
@RequiresLogin
public class ChoosePayment {

}
