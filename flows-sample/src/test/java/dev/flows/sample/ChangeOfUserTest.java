package dev.flows.sample;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A purchase belongs to whoever is signed in while it runs, in a real browser: when
 * another customer signs in on the shop's login page in the same browser, or the first
 * one signs out and someone else signs in, the purchase's address leads them to a new
 * purchase with the "expired" notice, never to the first customer's card and confirm
 * page.
 */
class ChangeOfUserTest extends BrowserTestSupport {

	private static final String RESTARTED = "Your previous checkout has expired or could not be found";

	@Test
	void anotherCustomerSigningInInTheSameBrowserFindsThePurchaseUnknown() {
		String first = existingCustomer("first-buyer");
		String second = existingCustomer("second-buyer");
		String confirm = reachConfirmAndPay(first, "Fountain pen", "First Buyer");

		this.shopper.signIn(second, PASSWORD);
		this.shopper.open(confirm).expectHeading("Do you want to buy this?");

		assertThat(this.shopper.pageText()).contains(RESTARTED).doesNotContain(first).doesNotContain("4242");
		assertThat(ordersOf(first)).isEmpty();
		assertThat(ordersOf(second)).isEmpty();

		// The first customer signs back in: the purchase is theirs again, where they left
		// it.
		this.shopper.signIn(first, PASSWORD);
		this.shopper.open(confirm).expectHeading("Confirm and pay");
		this.shopper.press("Confirm and pay").expectHeading("Thank you for your order");
		assertThat(ordersOf(first)).hasSize(1);
	}

	@Test
	void signingOutThenSomeoneElseSigningInFindsThePurchaseUnknown() {
		String first = existingCustomer("leaving-buyer");
		String second = existingCustomer("next-buyer");
		String confirm = reachConfirmAndPay(first, "Desk lamp", "Leaving Buyer");

		this.shopper.press("Sign out");
		this.shopper.signIn(second, PASSWORD);
		this.shopper.open(confirm).expectHeading("Do you want to buy this?");

		assertThat(this.shopper.pageText()).contains(RESTARTED).doesNotContain(first).doesNotContain("4242");
		assertThat(ordersOf(first)).isEmpty();
		assertThat(ordersOf(second)).isEmpty();
	}

	/**
	 * Signs {@code email} in and takes a purchase of {@code productName} to "Confirm and
	 * pay".
	 */
	private String reachConfirmAndPay(String email, String productName, String cardHolder) {
		this.shopper.signIn(email, PASSWORD);
		this.shopper.open("/buy?item=" + product(productName).getId()).press("Continue");
		this.shopper.payByCard(cardHolder);
		assertThat(this.shopper.text(".summary-payment")).contains("4242");
		this.shopper.taskId();
		return this.shopper.path();
	}

}
