package dev.flows.sample.purchase.payment;

import dev.flows.definition.RequiresLogin;
import dev.flows.definition.Scaffold;

/**
 * "Tell us how you want to pay". {@code @RequiresLogin}: an anonymous visitor who gets here (with
 * an old link, say) goes through Spring Security's login page and comes back to the same step of
 * the same task. A custom {@link ChoosePaymentTransition} offers the saved method first when there
 * is one.
 */
@Scaffold(name = "payment", title = "Tell us how you want to pay",
		children = { UseSavedMethod.class, NewPaymentMethod.class }, transition = ChoosePaymentTransition.class)
@RequiresLogin
public class ChoosePayment {

}
