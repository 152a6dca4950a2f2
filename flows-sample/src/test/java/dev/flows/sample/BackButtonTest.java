package dev.flows.sample;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser's Back button: a page the task has been through shows again, and submitting
 * it carries on from there with what was entered now.
 */
class BackButtonTest extends BrowserTestSupport {

	@Test
	void browserBackFromThePaymentPageThenChooseAnotherMethod() {
		String email = existingCustomer("undecided");
		this.shopper.signIn(email, PASSWORD);
		this.shopper.open("/buy?item=" + product("Fountain pen").getId()).press("Continue");
		this.shopper.expectHeading("How would you like to pay?").choose("Credit or debit card").press("Continue");
		this.shopper.expectHeading("Card details");

		this.shopper.browserBack().expectHeading("How would you like to pay?");
		assertThat(this.shopper.isChosen("Credit or debit card")).as("the earlier answer").isTrue();
		this.shopper.choose("Bank account").press("Continue");

		this.shopper.expectHeading("Bank account")
			.fill("Account holder", "Una Decided")
			.fill("IBAN", "GB82 WEST 1234 5698 7654 32")
			.press("Continue");
		this.shopper.expectHeading("Account holder's address")
			.fill("Street and number", "1 High Street")
			.fill("Postcode", "D02 X285")
			.fill("Town or city", "Dublin")
			.select("Country", "Ireland")
			.press("Continue");
		this.shopper.expectHeading("Confirm and pay");
		assertThat(this.shopper.text(".summary-payment"))
			.isEqualTo("Bank account ending in 5432 (Una Decided, Dublin)");
		this.shopper.press("Confirm and pay").expectHeading("Thank you for your order");

		assertThat(ordersOf(email)).singleElement()
			.satisfies((order) -> assertThat(order.getPaymentLabel()).startsWith("Bank account ending in 5432"));
	}

	@Test
	void browserBackToTheFirstStepChangeTheItemAndContinue() {
		String email = existingCustomer("changes-mind");
		this.shopper.signIn(email, PASSWORD);
		this.shopper.open("/buy?item=" + product("Field notebook").getId()).press("Continue");
		this.shopper.expectHeading("How would you like to pay?");

		// The page's own Back button, then forward again.
		this.shopper.press("Back").expectHeading("Do you want to buy this?");
		assertThat(this.shopper.isChosen("Field notebook")).isTrue();
		this.shopper.press("Continue").expectHeading("How would you like to pay?");

		// The browser's Back button to the same page; this time something changes.
		this.shopper.browserBack().expectHeading("Do you want to buy this?");
		String taskId = this.shopper.taskId();
		this.shopper.choose("Canvas tote").fill("Quantity", "2").press("Continue");

		this.shopper.payByCard("Changes Mind");
		assertThat(this.shopper.taskId()).as("the same task carried on").isEqualTo(taskId);
		assertThat(this.shopper.text(".summary-item")).isEqualTo("Canvas tote");
		assertThat(this.shopper.text(".summary-quantity")).isEqualTo("2");
		assertThat(this.shopper.text(".summary-total")).isEqualTo("€44.00");
		this.shopper.press("Confirm and pay").expectHeading("Thank you for your order");

		assertThat(ordersOf(email)).singleElement().satisfies((order) -> {
			assertThat(order.getProduct().getName()).isEqualTo("Canvas tote");
			assertThat(order.getQuantity()).isEqualTo(2);
		});
	}

	@Test
	void browserBackToTheLoginPageThenLogInAsSomeoneElse() {
		String email = existingCustomer("first-login");
		this.shopper.open("/buy?item=" + product("Field notebook").getId()).press("Continue");
		this.shopper.expectHeading("Log in").fill("Email address", email).fill("Password", PASSWORD).press("Log in");
		this.shopper.expectHeading("How would you like to pay?");
		String taskId = this.shopper.taskId();

		// Back on the login page, signed in: carry on as before...
		this.shopper.browserBack().expectHeading("Log in");
		assertThat(this.shopper.pageText()).contains("You are signed in as " + email);
		this.shopper.press("Continue as " + email).expectHeading("How would you like to pay?");

		// ...or log in as someone else: the flow carries on with the other account and
		// its saved card.
		this.shopper.browserBack().expectHeading("Log in");
		this.shopper.fill("Email address", "demo@example.com").fill("Password", "password").press("Log in");
		this.shopper.expectHeading("Pay with a saved method");
		assertThat(this.shopper.isChosen("Visa ending in 4242, expires 12/30")).isTrue();
		this.shopper.press("Continue").expectHeading("Confirm and pay");
		assertThat(this.shopper.pageText()).contains("Signed in as demo@example.com");
		assertThat(this.shopper.taskId()).as("the same task carried on").isEqualTo(taskId);
		this.shopper.press("Confirm and pay").expectHeading("Thank you for your order");

		assertThat(this.orders.findByTaskId(taskId))
			.hasValueSatisfying((order) -> assertThat(order.getAccount().getEmail()).isEqualTo("demo@example.com"));
		assertThat(ordersOf(email)).isEmpty();
	}

}
