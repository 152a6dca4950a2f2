package dev.flows.sample;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.WindowType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two purchases side by side in two tabs of one browser: each tab has its own task, so
 * nothing one tab enters shows up in the other.
 */
class TwoTabsTest extends BrowserTestSupport {

	@Test
	void twoPurchasesInterleavedStepByStep() {
		String email = newEmail("two-tabs");
		WebDriver driver = this.shopper.driver();
		String first = driver.getWindowHandle();
		this.shopper.open("/buy?item=" + product("Field notebook").getId()).expectHeading("Do you want to buy this?");
		String second = driver.switchTo().newWindow(WindowType.TAB).getWindowHandle();
		this.shopper.open("/buy?item=" + product("Desk lamp").getId()).expectHeading("Do you want to buy this?");

		inTab(first).fill("Quantity", "1").press("Continue").expectHeading("Log in");
		inTab(second).fill("Quantity", "3").press("Continue").expectHeading("Log in");
		String firstTask = inTab(first).taskId();
		String secondTask = inTab(second).taskId();
		assertThat(firstTask).isNotEqualTo(secondTask);

		inTab(first).press("Create an account")
			.expectHeading("Create an account")
			.fill("Your name", "Tab Twin")
			.fill("Email address", email)
			.fill("Choose a password (at least 8 characters)", PASSWORD)
			.fill("The same password again", PASSWORD)
			.press("Create my account")
			.expectHeading("How would you like to pay?");
		// The second tab still shows its login page, rendered before the first tab signed
		// in.
		inTab(second).fill("Email address", email)
			.fill("Password", PASSWORD)
			.press("Log in")
			.expectHeading("How would you like to pay?");

		inTab(first).choose("Credit or debit card").press("Continue").expectHeading("Card details");
		inTab(second).choose("PayPal").press("Continue").expectHeading("PayPal");

		inTab(first).fill("Name on the card", "Tab Twin")
			.fill("Card number", "4242 4242 4242 4242")
			.fill("Expiry date (MM/YY)", "12/30")
			.fill("Security code", "123")
			.press("Continue")
			.expectHeading("Confirm and pay");
		inTab(second).fill("PayPal email address", "twin@paypal.example")
			.press("Continue")
			.expectHeading("Confirm and pay");

		assertThat(inTab(first).text(".summary-item")).isEqualTo("Field notebook");
		assertThat(inTab(second).text(".summary-item")).isEqualTo("Desk lamp");
		inTab(second).press("Confirm and pay").expectHeading("Thank you for your order");
		inTab(first).press("Confirm and pay").expectHeading("Thank you for your order");
		assertThat(this.shopper.text(".summary-item")).isEqualTo("Field notebook");

		assertThat(this.orders.findByTaskId(firstTask)).hasValueSatisfying((order) -> {
			assertThat(order.getProduct().getName()).isEqualTo("Field notebook");
			assertThat(order.getQuantity()).isEqualTo(1);
			assertThat(order.getPaymentLabel()).isEqualTo("Visa ending in 4242, expires 12/30");
		});
		assertThat(this.orders.findByTaskId(secondTask)).hasValueSatisfying((order) -> {
			assertThat(order.getProduct().getName()).isEqualTo("Desk lamp");
			assertThat(order.getQuantity()).isEqualTo(3);
			assertThat(order.getPaymentLabel()).isEqualTo("PayPal (twin@paypal.example)");
		});
		assertThat(ordersOf(email)).hasSize(2);
	}

	private Shopper inTab(String handle) {
		this.shopper.driver().switchTo().window(handle);
		// In front, as a tab is when someone uses it: Chromium holds back the timers of
		// tabs in the background, and htmx settles a swapped step on a timer.
		((ChromeDriver) this.shopper.driver()).executeCdpCommand("Page.bringToFront", Map.of());
		return this.shopper;
	}

}
