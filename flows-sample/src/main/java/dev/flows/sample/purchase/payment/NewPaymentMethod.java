package dev.flows.sample.purchase.payment;

import dev.flows.definition.Scaffold;

/**
 * A new payment method: {@link ChoosePaymentType} asks which kind, and the custom
 * {@link PaymentTypeTransition} sends the customer to that kind's page(s).
 */
@Scaffold(name = "new", title = "A new payment method",
		children = { ChoosePaymentType.class, CreditCard.class, BankAccount.class, PayPal.class },
		transition = PaymentTypeTransition.class)
public class NewPaymentMethod {

}
