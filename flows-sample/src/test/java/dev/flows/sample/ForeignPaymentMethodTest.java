package dev.flows.sample;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.flows.sample.Visitor.Page;
import dev.flows.sample.account.PaymentMethod;
import dev.flows.sample.account.PaymentMethodRepository;
import dev.flows.sample.shop.CustomerOrder;
import dev.flows.sample.shop.OrderRepository;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A purchase belongs to whoever is signed in while it runs. When someone else signs in,
 * in the same browser, before "Confirm and pay", the purchase is unknown to them (the
 * shop starts a new one with the "expired" notice), so nobody can pay with another
 * account's saved card; the first customer still has it after signing back in. Checkout
 * refuses a foreign saved method all the same (see {@code purchase.CheckoutTest}).
 */
class ForeignPaymentMethodTest extends VisitorTestSupport {

	private static final String RESTARTED = "Your previous checkout has expired or could not be found";

	@Autowired
	PaymentMethodRepository paymentMethods;

	@Autowired
	OrderRepository orders;

	@Test
	void anotherCustomerSigningInCannotSeeNorPayTheFirstCustomersPurchase() {
		String owner = existingCustomer("card-owner");
		PaymentMethod ownersCard = saveMethod(owner, "Visa ending in 1881, expires 10/31");
		String other = existingCustomer("other-customer");

		Visitor browser = newVisitor().signIn(owner, PASSWORD);
		Page saved = expect(startPurchase(browser), "Pay with a saved method");
		Page confirm = expect(browser.submit(saved, Map.of("methodId", ownersCard.getId().toString())),
				"Confirm and pay");
		assertThat(confirm.text()).contains("Visa ending in 1881");

		// Someone else signs in, in the same browser: the purchase is not theirs.
		browser.signIn(other, PASSWORD);
		Page reopened = expect(browser.open(confirm.path()), "Do you want to buy this?");
		assertThat(reopened.text()).contains(RESTARTED).doesNotContain("1881");

		// The confirmation sent all the same, with the first customer's task id and
		// version and a
		// valid CSRF token (signing in changed it): the purchase is unknown to this
		// customer.
		Map<String, String> ownersTask = confirm.hiddenFieldsOfForm("/buy/confirm");
		Page answer = expect(browser.post(reopened, "/buy/item", "/buy/confirm",
				Map.of("_id", ownersTask.get("_id"), "_v", ownersTask.get("_v"))), "Do you want to buy this?");
		assertThat(answer.text()).contains(RESTARTED).doesNotContain("1881");
		assertThat(this.orders.findByAccountEmailOrderByPlacedAtDesc(other)).isEmpty();
		assertThat(this.orders.findByAccountEmailOrderByPlacedAtDesc(owner)).isEmpty();

		// The first customer signs back in: the purchase is still there, and is theirs to
		// finish.
		browser.signIn(owner, PASSWORD);
		Page resumed = expect(browser.open(confirm.path()), "Confirm and pay");
		assertThat(resumed.text()).contains("Visa ending in 1881");
		expect(browser.submit(resumed, Map.of()), "Thank you for your order");
		assertThat(this.orders.findByAccountEmailOrderByPlacedAtDesc(owner)).singleElement()
			.extracting(CustomerOrder::getPaymentLabel)
			.isEqualTo("Visa ending in 1881, expires 10/31");
	}

	private PaymentMethod saveMethod(String email, String label) {
		PaymentMethod.Type type = label.startsWith("PayPal") ? PaymentMethod.Type.PAYPAL : PaymentMethod.Type.CARD;
		return this.paymentMethods.save(
				new PaymentMethod(this.accounts.find(email).orElseThrow(), type, label, "tok_" + email, Instant.now()));
	}

}
