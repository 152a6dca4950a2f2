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
 * The payer is whoever is signed in when the order is placed. A purchase belongs to the browser, so
 * when someone else signs in there before "Confirm and pay", the saved method the first customer
 * chose is not offered, and an order sent all the same is refused: nobody pays with another
 * account's card.
 */
class ForeignPaymentMethodTest extends VisitorTestSupport {

	private static final String REFUSED = "We can't take this order with the saved payment method chosen for it";

	@Autowired
	PaymentMethodRepository paymentMethods;

	@Autowired
	OrderRepository orders;

	@Test
	void aSavedMethodChosenByAnotherCustomerIsRefusedAndTheirOwnIsOffered() {
		String owner = existingCustomer("card-owner");
		PaymentMethod ownersCard = saveMethod(owner, "Visa ending in 1881, expires 10/31");
		String other = existingCustomer("other-customer");
		PaymentMethod othersPayPal = saveMethod(other, "PayPal (" + other + ")");

		Visitor browser = newVisitor().signIn(owner, PASSWORD);
		Page saved = expect(startPurchase(browser), "Pay with a saved method");
		Page confirm = expect(browser.submit(saved, Map.of("methodId", ownersCard.getId().toString())),
				"Confirm and pay");
		assertThat(confirm.text()).contains("Visa ending in 1881").doesNotContain(REFUSED);

		// Someone else signs in, in the same browser: the purchase carries on, with the owner's card chosen.
		browser.signIn(other, PASSWORD);
		Page refused = expect(browser.open(confirm.path()), "Confirm and pay");
		assertThat(refused.text()).contains(REFUSED).contains(other).doesNotContain("1881");
		assertThat(refused.html()).as("no button to pay").doesNotContain("pay-form");

		// The confirmation sent all the same, as a tab left open would send it: Checkout refuses it.
		Page answer = browser.post(refused, "/buy/_back", "/buy/confirm", Map.of());
		assertThat(answer.status()).isEqualTo(200);
		expect(answer, "Confirm and pay");
		assertThat(answer.text()).contains(REFUSED).doesNotContain("1881");
		assertThat(this.orders.findByAccountEmailOrderByPlacedAtDesc(other)).isEmpty();
		assertThat(this.orders.findByAccountEmailOrderByPlacedAtDesc(owner)).isEmpty();

		// Back to the saved methods: the signed-in customer's own, and with it the order is placed.
		Page ownMethods = expect(browser.submit(answer, "/buy/_back", Map.of()), "Pay with a saved method");
		assertThat(ownMethods.text()).contains("PayPal (" + other + ")").doesNotContain("1881");
		confirm = expect(browser.submit(ownMethods, Map.of("methodId", othersPayPal.getId().toString())),
				"Confirm and pay");
		expect(browser.submit(confirm, Map.of()), "Thank you for your order");
		assertThat(this.orders.findByAccountEmailOrderByPlacedAtDesc(other)).singleElement()
			.extracting(CustomerOrder::getPaymentLabel)
			.isEqualTo("PayPal (" + other + ")");
	}

	private PaymentMethod saveMethod(String email, String label) {
		PaymentMethod.Type type = label.startsWith("PayPal") ? PaymentMethod.Type.PAYPAL : PaymentMethod.Type.CARD;
		return this.paymentMethods.save(new PaymentMethod(this.accounts.find(email).orElseThrow(), type, label,
				"tok_" + email, Instant.now()));
	}

}
