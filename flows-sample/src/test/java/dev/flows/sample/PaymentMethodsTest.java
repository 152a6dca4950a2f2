package dev.flows.sample;

import org.junit.jupiter.api.Test;

import dev.flows.sample.account.PaymentMethodRepository;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The branches of "Tell us how you want to pay". */
class PaymentMethodsTest extends BrowserTestSupport {

	@Autowired
	PaymentMethodRepository paymentMethods;

	@Test
	void bankAccountThenAccountAddress() {
		String email = existingCustomer("banker");
		this.shopper.signIn(email, PASSWORD);
		this.shopper.open("/buy?item=" + product("Desk lamp").getId()).press("Continue");

		this.shopper.expectHeading("How would you like to pay?").choose("Bank account").press("Continue");
		this.shopper.expectHeading("Bank account");
		assertThat(this.shopper.subProgress()).containsExactly("1. Bank account: current",
				"2. Account holder's address: todo");
		this.shopper.fill("Account holder", "Berta Banker")
			.fill("IBAN", "DE89 3704 0044 0532 0130 00")
			.press("Continue");

		this.shopper.expectHeading("Account holder's address");
		assertThat(this.shopper.subProgress()).containsExactly("1. Bank account: done",
				"2. Account holder's address: current");
		assertThat(this.shopper.pageText()).contains("Berta Banker");
		this.shopper.fill("Street and number", "Unter den Linden 1")
			.fill("Postcode", "10117")
			.fill("Town or city", "Berlin")
			.select("Country", "Germany")
			.press("Continue");

		this.shopper.expectHeading("Confirm and pay");
		assertThat(this.shopper.text(".summary-payment"))
			.isEqualTo("Bank account ending in 3000 (Berta Banker, Berlin)");
		this.shopper.press("Confirm and pay").expectHeading("Thank you for your order");

		assertThat(ordersOf(email)).singleElement().satisfies((order) -> {
			assertThat(order.getProduct().getName()).isEqualTo("Desk lamp");
			assertThat(order.getPaymentLabel()).isEqualTo("Bank account ending in 3000 (Berta Banker, Berlin)");
		});
		assertThat(this.paymentMethods.findByOwnerEmailOrderByCreatedAtAsc(email)).as("not asked to be saved")
			.isEmpty();
	}

	@Test
	void payPalSavedForNextTimeIsOfferedOnTheNextPurchase() {
		String email = existingCustomer("paypal-user");
		this.shopper.signIn(email, PASSWORD);
		this.shopper.open("/buy?item=" + product("Canvas tote").getId()).press("Continue");

		this.shopper.expectHeading("How would you like to pay?").choose("PayPal").press("Continue");
		this.shopper.expectHeading("PayPal").fill("PayPal email address", email).tick("Save this payment method");
		this.shopper.press("Continue").expectHeading("Confirm and pay");
		assertThat(this.shopper.text(".summary-payment")).isEqualTo("PayPal (" + email + ")");
		this.shopper.press("Confirm and pay").expectHeading("Thank you for your order");

		// The next purchase starts with the saved method.
		this.shopper.open("/buy?item=" + product("Field notebook").getId()).press("Continue");
		this.shopper.expectHeading("Pay with a saved method");
		assertThat(this.shopper.isChosen("PayPal (" + email + ")")).isTrue();
		this.shopper.press("Continue").expectHeading("Confirm and pay");
		assertThat(this.shopper.text(".summary-payment")).isEqualTo("PayPal (" + email + ")");
		this.shopper.press("Confirm and pay").expectHeading("Thank you for your order");

		assertThat(ordersOf(email)).extracting((order) -> order.getProduct().getName())
			.containsExactlyInAnyOrder("Canvas tote", "Field notebook");
		assertThat(ordersOf(email))
			.allSatisfy((order) -> assertThat(order.getPaymentLabel()).isEqualTo("PayPal (" + email + ")"));
		assertThat(this.paymentMethods.findByOwnerEmailOrderByCreatedAtAsc(email)).singleElement()
			.satisfies((method) -> assertThat(method.getLabel()).isEqualTo("PayPal (" + email + ")"));
	}

	@Test
	void theSignedInDemoCustomerSkipsWhoAreYouAndPaysWithTheSavedCard() {
		this.shopper.signIn("demo@example.com", "password");
		this.shopper.open("/products/" + product("Desk lamp").getId()).follow("Buy");
		this.shopper.expectHeading("Do you want to buy this?").press("Continue");

		this.shopper.expectHeading("Pay with a saved method");
		assertThat(this.shopper.progress()).containsExactly("Do you want to buy this?: done",
				"Tell us who you are: skipped", "Tell us how you want to pay: current", "Confirm and pay: todo");
		assertThat(this.shopper.isChosen("Visa ending in 4242, expires 12/30")).isTrue();

		// A different method is one click away, and Back returns to the saved one.
		this.shopper.press("Use a different payment method").expectHeading("How would you like to pay?");
		this.shopper.press("Back").expectHeading("Pay with a saved method");

		this.shopper.press("Continue").expectHeading("Confirm and pay");
		assertThat(this.shopper.text(".summary-payment")).isEqualTo("Visa ending in 4242, expires 12/30");
		String taskId = this.shopper.taskId();
		this.shopper.press("Confirm and pay").expectHeading("Thank you for your order");

		assertThat(this.orders.findByTaskId(taskId)).hasValueSatisfying((order) -> {
			assertThat(order.getAccount().getEmail()).isEqualTo("demo@example.com");
			assertThat(order.getProduct().getName()).isEqualTo("Desk lamp");
			assertThat(order.getPaymentLabel()).isEqualTo("Visa ending in 4242, expires 12/30");
		});
	}

}
