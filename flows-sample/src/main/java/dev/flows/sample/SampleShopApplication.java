package dev.flows.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Flows sample shop: a catalogue, accounts, saved payment methods and orders, and the
 * purchase flow of DESIGN.md mounted at {@code /buy}.
 * <p>
 * Where to start reading:
 * <ul>
 * <li>{@link dev.flows.sample.purchase.Purchase}: the flow's tree, one annotation per
 * node;</li>
 * <li>{@link dev.flows.sample.purchase.ConfirmItem}: an action, i.e. a controller with
 * one GET and one POST handler;</li>
 * <li>{@link dev.flows.sample.purchase.account.LoginOrRegister}: signing in inside a
 * flow;</li>
 * <li>{@link dev.flows.sample.purchase.payment.ChoosePaymentTransition}: a custom
 * transition;</li>
 * <li>{@link dev.flows.sample.purchase.ConfirmAndPay}: the step with the side
 * effect.</li>
 * </ul>
 * Everything under {@code dev.flows.sample.shop} and {@code dev.flows.sample.account} is
 * the plain Spring application around the flow.
 */
@SpringBootApplication
public class SampleShopApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleShopApplication.class, args);
	}

}
