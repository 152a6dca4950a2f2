package com.example.shop;

import dev.flows.definition.Flow;

@Flow(path = "/buy", children = { ConfirmItem.class, Delivery.class, ConfirmAndPay.class }, cancelUrl = "/",
		onComplete = "purchase/thanks")
public class Purchase {

}
