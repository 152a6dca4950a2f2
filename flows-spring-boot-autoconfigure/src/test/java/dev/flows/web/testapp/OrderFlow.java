package dev.flows.web.testapp;

import dev.flows.definition.ExplicitTransition;
import dev.flows.definition.Flow;
import dev.flows.definition.Scaffold;

/**
 * A three-level flow: the root, Delivery, and Address inside Delivery.
 */
@Flow(path = "/order", children = { PickItem.class, OrderFlow.Account.class, OrderFlow.Delivery.class, Review.class },
		cancelUrl = "/cancelled", onComplete = "order/done")
public class OrderFlow {

	@Scaffold(children = { Steps.SignIn.class, Steps.Register.class }, transition = ExplicitTransition.class)
	public static class Account {

	}

	@Scaffold(children = { Steps.Speed.class, Address.class })
	public static class Delivery {

	}

	@Scaffold(children = { Steps.Street.class, Steps.City.class })
	public static class Address {

	}

}
