package dev.flows.engine.purchase;

import dev.flows.definition.Scaffold;

@Scaffold(children = { BankDetails.class, AccountAddress.class })
public class BankAccount {

}
