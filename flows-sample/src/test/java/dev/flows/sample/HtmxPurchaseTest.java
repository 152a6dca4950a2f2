package dev.flows.sample;

import java.util.Map;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.WindowType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The purchase with JavaScript on: its steps swap in place (htmx), and still each step
 * has its own URL with the task id, the browser's Back and reload buttons work, errors
 * appear in place, and tabs keep their own tasks. "In place" is checked with a mark left
 * in the document: a whole page load would wipe it.
 */
class HtmxPurchaseTest extends BrowserTestSupport {

	@Test
	void theStepsSwapInPlaceEachAtItsOwnUrl() {
		String email = newEmail("swapper");
		this.shopper.open("/buy?item=" + product("Fountain pen").getId()).expectHeading("Do you want to buy this?");
		assertThat(((JavascriptExecutor) this.shopper.driver()).executeScript("return typeof window.htmx"))
			.as("htmx, from its webjar")
			.isEqualTo("object");
		this.shopper.markDocument();
		List<String> urls = new ArrayList<>(List.of(this.shopper.path()));

		this.shopper.fill("Quantity", "2").press("Continue").expectHeading("Log in");
		String taskId = this.shopper.taskId();
		swappedInPlaceTo(urls, taskId);
		this.shopper.press("Create an account").expectHeading("Create an account");
		swappedInPlaceTo(urls, taskId);
		this.shopper.fill("Your name", "Hana Htmx")
			.fill("Email address", email)
			.fill("Choose a password (at least 8 characters)", PASSWORD)
			.fill("The same password again", PASSWORD)
			.press("Create my account")
			.expectHeading("How would you like to pay?");
		swappedInPlaceTo(urls, taskId);
		// Out of band: the header shows who signed in, the progress indicator moved on,
		// and the title names the step.
		assertThat(this.shopper.pageText()).contains("Signed in as " + email);
		assertThat(this.shopper.progress()).containsExactly("Do you want to buy this?: done",
				"Tell us who you are: done", "Tell us how you want to pay: current", "Confirm and pay: todo");
		assertThat(this.shopper.driver().getTitle()).isEqualTo("How would you like to pay? · Checkout");

		this.shopper.choose("Credit or debit card").press("Continue").expectHeading("Card details");
		swappedInPlaceTo(urls, taskId);
		this.shopper.fill("Name on the card", "Hana Htmx")
			.fill("Card number", "4242 4242 4242 4242")
			.fill("Expiry date (MM/YY)", "12/30")
			.fill("Security code", "123")
			.press("Continue")
			.expectHeading("Confirm and pay");
		swappedInPlaceTo(urls, taskId);
		assertThat(this.shopper.text(".summary-quantity")).isEqualTo("2");

		// The completion page is a page of its own.
		this.shopper.press("Confirm and pay").expectHeading("Thank you for your order");
		assertThat(this.shopper.path()).startsWith("/buy/_done?_id=" + taskId);
		assertThat(ordersOf(email)).singleElement().satisfies((order) -> {
			assertThat(order.getTaskId()).isEqualTo(taskId);
			assertThat(order.getQuantity()).isEqualTo(2);
		});
	}

	@Test
	void theBrowsersBackButtonGoesToThePreviousStepAndAReloadShowsTheSameStep() {
		String email = existingCustomer("back-and-reload");
		this.shopper.signIn(email, PASSWORD);
		this.shopper.open("/buy?item=" + product("Desk lamp").getId()).markDocument().press("Continue");
		this.shopper.expectHeading("How would you like to pay?");
		String paymentUrl = this.shopper.path();
		this.shopper.choose("Credit or debit card").press("Continue").expectHeading("Card details");
		assertThat(this.shopper.isMarkedDocument()).isTrue();
		String cardUrl = this.shopper.path();
		assertThat(cardUrl).isNotEqualTo(paymentUrl).contains("_id=" + this.shopper.taskId());

		this.shopper.reload().expectHeading("Card details");
		assertThat(this.shopper.path()).isEqualTo(cardUrl);

		this.shopper.browserBack().expectHeading("How would you like to pay?");
		assertThat(this.shopper.path()).isEqualTo(paymentUrl);
		assertThat(this.shopper.isChosen("Credit or debit card")).as("the earlier answer").isTrue();
		this.shopper.reload().expectHeading("How would you like to pay?");
		assertThat(this.shopper.path()).isEqualTo(paymentUrl);

		// A change of mind there rewinds the task, in place.
		this.shopper.markDocument().choose("PayPal").press("Continue").expectHeading("PayPal");
		assertThat(this.shopper.isMarkedDocument()).isTrue();
		this.shopper.fill("PayPal email address", "back@paypal.example")
			.press("Continue")
			.expectHeading("Confirm and pay");
		this.shopper.press("Confirm and pay").expectHeading("Thank you for your order");
		assertThat(ordersOf(email)).singleElement()
			.satisfies((order) -> assertThat(order.getPaymentLabel()).isEqualTo("PayPal (back@paypal.example)"));
	}

	@Test
	void validationErrorsAppearInPlaceAndTheAddressBarStays() {
		this.shopper.open("/buy").expectHeading("Do you want to buy this?").markDocument();
		WebElement heading = this.shopper.driver().findElement(By.tagName("h1"));
		WebElement progress = this.shopper.driver().findElement(By.id("progress"));
		this.shopper.fill("Quantity", "lots").press("Continue").expectHeading("Do you want to buy this?");
		assertThat(this.shopper.isMarkedDocument()).isTrue();
		assertThat(this.shopper.path()).isEqualTo("/buy");
		// Only the form came back: the heading and the progress indicator are the very
		// elements they were.
		assertThat(this.shopper.driver().findElement(By.tagName("h1"))).isEqualTo(heading);
		assertThat(this.shopper.driver().findElement(By.id("progress"))).isEqualTo(progress);
		assertThat(this.shopper.errorOfChoice("Choose something from the shop"))
			.isEqualTo("Choose what you would like to buy");
		assertThat(this.shopper.errorNextTo("Quantity")).isEqualTo("Enter a whole number");
		assertThat(this.shopper.valueOf("Quantity")).isEqualTo("lots");

		this.shopper.choose("Fountain pen").fill("Quantity", "1").press("Continue").expectHeading("Log in");
		this.shopper.press("Create an account").expectHeading("Create an account");
		String registerUrl = this.shopper.path();
		heading = this.shopper.driver().findElement(By.tagName("h1"));
		this.shopper.fill("Your name", "Val Htmx")
			.fill("Email address", "val.htmx")
			.fill("Choose a password (at least 8 characters)", "short")
			.press("Create my account")
			.expectHeading("Create an account");
		assertThat(this.shopper.isMarkedDocument()).isTrue();
		assertThat(this.shopper.path()).isEqualTo(registerUrl);
		assertThat(this.shopper.driver().findElement(By.tagName("h1"))).isEqualTo(heading);
		assertThat(this.shopper.errorNextTo("Email address")).isEqualTo("Enter an email address like name@example.com");
		assertThat(this.shopper.valueOf("Your name")).isEqualTo("Val Htmx");

		// The form shown again carries the task id and version: it goes on from here.
		String email = newEmail("val-htmx");
		this.shopper.fill("Email address", email)
			.fill("Choose a password (at least 8 characters)", PASSWORD)
			.fill("The same password again", PASSWORD)
			.press("Create my account")
			.expectHeading("How would you like to pay?");
		assertThat(this.shopper.isMarkedDocument()).isTrue();
		assertThat(this.shopper.pageText()).contains("Signed in as " + email);
	}

	@Test
	void twoTabsKeepTheirOwnTasks() {
		WebDriver driver = this.shopper.driver();
		String first = driver.getWindowHandle();
		this.shopper.open("/buy?item=" + product("Field notebook").getId()).markDocument();
		String second = driver.switchTo().newWindow(WindowType.TAB).getWindowHandle();
		this.shopper.open("/buy?item=" + product("Desk lamp").getId()).markDocument();

		inTab(first).fill("Quantity", "1").press("Continue").expectHeading("Log in");
		inTab(second).fill("Quantity", "3").press("Continue").expectHeading("Log in");
		String firstTask = inTab(first).taskId();
		String secondTask = inTab(second).taskId();
		assertThat(firstTask).isNotEqualTo(secondTask);

		inTab(first).press("Back").expectHeading("Do you want to buy this?");
		assertThat(this.shopper.isChosen("Field notebook")).isTrue();
		assertThat(this.shopper.valueOf("Quantity")).isEqualTo("1");
		assertThat(this.shopper.isMarkedDocument()).isTrue();
		assertThat(this.shopper.taskId()).isEqualTo(firstTask);
		inTab(second).press("Back").expectHeading("Do you want to buy this?");
		assertThat(this.shopper.isChosen("Desk lamp")).isTrue();
		assertThat(this.shopper.valueOf("Quantity")).isEqualTo("3");
		assertThat(this.shopper.isMarkedDocument()).isTrue();
		assertThat(this.shopper.taskId()).isEqualTo(secondTask);
	}

	@Test
	void aFormFromAnOldTabLandsOnTheStepTheTaskIsAtWithoutRunningItsStepAgain() {
		String email = existingCustomer("old-tab");
		this.shopper.signIn(email, PASSWORD);
		WebDriver driver = this.shopper.driver();
		String first = driver.getWindowHandle();
		this.shopper.open("/buy?item=" + product("Desk lamp").getId()).press("Continue");
		this.shopper.expectHeading("How would you like to pay?");
		String paymentUrl = this.shopper.path();
		String second = driver.switchTo().newWindow(WindowType.TAB).getWindowHandle();
		this.shopper.open(paymentUrl).expectHeading("How would you like to pay?").markDocument();

		inTab(first).choose("Credit or debit card").press("Continue").expectHeading("Card details");
		String cardUrl = this.shopper.path();
		inTab(second).choose("PayPal").press("Continue").expectHeading("Card details");
		assertThat(this.shopper.isMarkedDocument()).isTrue();
		assertThat(this.shopper.path()).isEqualTo(cardUrl);
	}

	@Test
	void anErrorAnswerReplacesThePageNotJustTheStep() {
		this.shopper.open("/buy?item=" + product("Desk lamp").getId()).press("Continue").expectHeading("Log in");
		String loginUrl = this.shopper.path();
		// A form whose task id was tampered with: Flows refuses it (400).
		((JavascriptExecutor) this.shopper.driver())
			.executeScript("document.querySelectorAll('input[name=_id]').forEach((id) => id.value = 'my-order')");
		this.shopper.fill("Email address", "someone@example.com")
			.fill("Password", PASSWORD)
			.press("Log in")
			.expectHeading("That link doesn't look right");
		assertThat(this.shopper.pageText()).contains("Error 400", "Back to the shop");
		assertThat(this.shopper.texts(".site-header")).as("the error page, not a page inside the step").hasSize(1);
		assertThat(this.shopper.path()).isEqualTo(loginUrl);
	}

	@Test
	void aFormWhoseCsrfTokenIsRefusedShowsTheErrorPageAsTheWholePage() {
		this.shopper.open("/buy?item=" + product("Desk lamp").getId()).press("Continue").expectHeading("Log in");
		String loginUrl = this.shopper.path();
		// As after the session expired, or a sign-in in another tab: Spring Security no
		// longer accepts the form's token, and refuses it before Flows sees the request.
		((JavascriptExecutor) this.shopper.driver())
			.executeScript("document.querySelectorAll('input[name=_csrf]').forEach((token) => token.value = 'stale')");
		this.shopper.fill("Email address", "someone@example.com")
			.fill("Password", PASSWORD)
			.press("Log in")
			.expectHeading("We couldn't accept that");
		assertThat(this.shopper.pageText()).contains("Error 403", "Back to the shop");
		assertThat(this.shopper.texts(".site-header")).as("the error page, not a page inside the step").hasSize(1);
		assertThat(this.shopper.path()).isEqualTo(loginUrl);

		// The address bar still shows the step: a reload brings it back, with a fresh
		// token.
		this.shopper.reload().expectHeading("Log in");
		assertThat(this.shopper.path()).isEqualTo(loginUrl);
	}

	/**
	 * The step just shown came without a whole page load, at a URL of its own that holds
	 * the task id.
	 */
	private void swappedInPlaceTo(List<String> urls, String taskId) {
		assertThat(this.shopper.isMarkedDocument()).as("no whole page load before %s", this.shopper.path()).isTrue();
		assertThat(this.shopper.path()).startsWith("/buy/").contains("_id=" + taskId).isNotIn(urls);
		urls.add(this.shopper.path());
	}

	private Shopper inTab(String handle) {
		this.shopper.driver().switchTo().window(handle);
		// In front, as a tab is when someone uses it: Chromium holds back the timers of
		// tabs in the background, and htmx settles a swapped step on a timer.
		((ChromeDriver) this.shopper.driver()).executeCdpCommand("Page.bringToFront", Map.of());
		return this.shopper;
	}

}
