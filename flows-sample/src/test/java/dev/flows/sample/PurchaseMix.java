package dev.flows.sample;

import java.time.Instant;
import java.util.Map;

import dev.flows.sample.Visitor.Page;
import dev.flows.sample.account.PaymentMethod;
import dev.flows.sample.account.PaymentMethodRepository;

import static dev.flows.sample.VisitorTestSupport.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scripted mix of purchases walked over plain HTTP ({@link Visitor}), each by someone
 * new, for the tests that check what the shop reports about its purchases (its metrics,
 * its actuator endpoint):
 * <ul>
 * <li>three signed-in customers with a saved card pay;
 * <li>two such customers stop at the saved-method step ({@code payment/saved});
 * <li>one stops at "Confirm and pay" ({@code confirm});
 * <li>one cancels there;
 * <li>two visitors who are not signed in stop at the login step ({@code account/login}).
 * </ul>
 * It leaves five live tasks: two at {@code payment/saved}, one at {@code confirm} and two
 * at {@code account/login}.
 */
final class PurchaseMix {

	private final VisitorTestSupport shop;

	private final PaymentMethodRepository paymentMethods;

	PurchaseMix(VisitorTestSupport shop, PaymentMethodRepository paymentMethods) {
		this.shop = shop;
		this.paymentMethods = paymentMethods;
	}

	/** Walks every purchase of the mix. */
	void walk() {
		for (int i = 0; i < 3; i++) {
			Shown confirm = atConfirm(customerWithASavedCard("buyer"));
			expect(confirm.visitor().submit(confirm.page(), Map.of()), "Thank you for your order");
		}
		for (int i = 0; i < 2; i++) {
			expect(this.shop.startPurchase(customerWithASavedCard("hesitant").visitor()), "Pay with a saved method");
		}
		atConfirm(customerWithASavedCard("waiting"));
		Shown confirm = atConfirm(customerWithASavedCard("canceller"));
		Page cancelled = confirm.visitor().submit(confirm.page(), "/buy/_cancel", Map.of());
		assertThat(cancelled.path()).startsWith("/cancelled");
		for (int i = 0; i < 2; i++) {
			Page login = this.shop.startPurchase(this.shop.newVisitor());
			assertThat(login.path()).startsWith("/buy/account/login");
		}
	}

	/** A signed-in customer with a saved card, at "Confirm and pay". */
	private Shown atConfirm(Customer customer) {
		Page saved = expect(this.shop.startPurchase(customer.visitor()), "Pay with a saved method");
		return new Shown(customer.visitor(),
				expect(customer.visitor().submit(saved, Map.of("methodId", customer.card().getId().toString())),
						"Confirm and pay"));
	}

	private Customer customerWithASavedCard(String name) {
		String email = this.shop.existingCustomer(name);
		PaymentMethod card = this.paymentMethods.save(new PaymentMethod(this.shop.accounts.find(email).orElseThrow(),
				PaymentMethod.Type.CARD, "Visa ending in 4242, expires 12/34", "tok_" + email, Instant.now()));
		return new Customer(this.shop.newVisitor().signIn(email, VisitorTestSupport.PASSWORD), card);
	}

	private record Customer(Visitor visitor, PaymentMethod card) {
	}

	/** A page and who is looking at it. */
	private record Shown(Visitor visitor, Page page) {
	}

}
