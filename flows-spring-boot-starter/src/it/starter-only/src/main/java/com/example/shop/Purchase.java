package com.example.shop;

import dev.flows.definition.Flow;

@Flow(path = "/buy", children = { ConfirmItem.class, ConfirmAndPay.class }, cancelUrl = "/",
		onComplete = "purchase/thanks")
public class Purchase {

}
