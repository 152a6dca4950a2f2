package com.example.shop;

import dev.flows.definition.ExplicitTransition;
import dev.flows.definition.Scaffold;

@Scaffold(children = { ChooseDelivery.class, EnterAddress.class }, transition = ExplicitTransition.class)
public class Delivery {

}
