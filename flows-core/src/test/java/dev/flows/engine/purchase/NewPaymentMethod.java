package dev.flows.engine.purchase;

import dev.flows.definition.Scaffold;

@Scaffold(children = { CreditCard.class, BankAccount.class, PayPal.class }, transition = PaymentTypeTransition.class)
public class NewPaymentMethod {

}
