package dev.flows.sample;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.flows.sample.shop.CustomerOrder;

import static org.assertj.core.api.Assertions.assertThat;

/** A newcomer buys something: picks it, creates an account on the way, pays by card. */
class HappyPathTest extends BrowserTestSupport {

	@Test
	void chooseAnItemRegisterPayByCardAndFindTheOrderInMyOrders() {
		String email = newEmail("newcomer");

		this.shopper.open("/").expectHeading("Paper & Pen");
		this.shopper.follow("Fountain pen").expectHeading("Fountain pen");
		this.shopper.follow("Buy").expectHeading("Do you want to buy this?");
		assertThat(this.shopper.isChosen("Fountain pen")).isTrue();
		assertThat(this.shopper.progress()).containsExactly("Do you want to buy this?: current",
				"Tell us who you are: todo", "Tell us how you want to pay: todo", "Confirm and pay: todo");
		this.shopper.fill("Quantity", "2").press("Continue");

		this.shopper.expectHeading("Log in").press("Create an account");
		String taskId = this.shopper.taskId();
		String sessionBefore = sessionId();
		this.shopper.expectHeading("Create an account")
			.fill("Your name", "Nora Newcomer")
			.fill("Email address", email)
			.fill("Choose a password (at least 8 characters)", PASSWORD)
			.fill("The same password again", PASSWORD)
			.press("Create my account");

		// Signed in now, with a new session id, and still in the same purchase.
		this.shopper.expectHeading("How would you like to pay?");
		assertThat(this.shopper.pageText()).contains("Signed in as " + email);
		assertThat(sessionId()).isNotEqualTo(sessionBefore);
		assertThat(this.shopper.taskId()).isEqualTo(taskId);
		assertThat(this.shopper.progress()).containsExactly("Do you want to buy this?: done",
				"Tell us who you are: done", "Tell us how you want to pay: current", "Confirm and pay: todo");

		this.shopper.payByCard("Nora Newcomer");
		assertThat(this.shopper.text(".summary-item")).isEqualTo("Fountain pen");
		assertThat(this.shopper.text(".summary-quantity")).isEqualTo("2");
		assertThat(this.shopper.text(".summary-total")).isEqualTo("€76.00");
		assertThat(this.shopper.text(".summary-payment")).isEqualTo("Visa ending in 4242, expires 12/30");
		this.shopper.press("Confirm and pay");

		this.shopper.expectHeading("Thank you for your order");
		String orderNumber = this.shopper.text(".order-confirmation .order-number");
		assertThat(this.shopper.path()).startsWith("/buy/_done?_id=" + taskId);

		this.shopper.follow("My orders").expectHeading("My orders");
		assertThat(this.shopper.texts(".order-number")).containsExactly(orderNumber);
		assertThat(this.shopper.texts(".order-item")).containsExactly("Fountain pen");

		List<CustomerOrder> placed = ordersOf(email);
		assertThat(placed).singleElement().satisfies((order) -> {
			assertThat(order.getNumber()).isEqualTo(orderNumber);
			assertThat(order.getProduct().getName()).isEqualTo("Fountain pen");
			assertThat(order.getQuantity()).isEqualTo(2);
			assertThat(order.getTotal()).isEqualTo("€76.00");
			assertThat(order.getPaymentLabel()).isEqualTo("Visa ending in 4242, expires 12/30");
			assertThat(order.getTaskId()).isEqualTo(taskId);
		});
	}

	private String sessionId() {
		return this.shopper.driver().manage().getCookieNamed("JSESSIONID").getValue();
	}

}
