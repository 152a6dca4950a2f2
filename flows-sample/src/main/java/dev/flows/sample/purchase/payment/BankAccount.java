package dev.flows.sample.purchase.payment;

import dev.flows.definition.Scaffold;

/**
 * Two pages one after the other: the account, then the account holder's address. Its
 * progress ("step 1 of 2") is the page's {@code flow.progress}.
 */
@Scaffold(name = "bank", title = "Bank account", children = { BankDetails.class, AccountAddress.class })
public class BankAccount {

}
