package dev.flows.sample.purchase.payment;

import dev.flows.definition.RequiresLogin;
import dev.flows.definition.Scaffold;

/**
 * "Tell us how you want to pay". A custom {@link ChoosePaymentTransition} offers the
 * saved method first when there is one.
 * <p>
 * {@code @RequiresLogin} guards every step inside: payment methods belong to an account.
 * In this shop the flow only gets here after {@code GetUserAccount}, signed in; should a
 * request arrive without a signed-in user all the same, Flows sends it through Spring
 * Security's login page, which brings the customer back to the same step of the same
 * task.
 */
@Scaffold(name = "payment", title = "Tell us how you want to pay",
		children = { UseSavedMethod.class, NewPaymentMethod.class }, transition = ChoosePaymentTransition.class)
@RequiresLogin
public class ChoosePayment {

}
