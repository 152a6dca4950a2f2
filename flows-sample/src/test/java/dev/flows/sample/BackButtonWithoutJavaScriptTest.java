package dev.flows.sample;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page's own Back button in a browser that runs no scripts: no htmx, so each Back is
 * a form post answered by a 303 to the previous step, a page of its own with the earlier
 * answer, and a change there carries the same task on from that step.
 * <p>
 * The browser's own Back button is left to {@link BackButtonTest}: without scripts,
 * Flows' /flows/back-forward.js cannot reload a page the browser restores from its
 * back-forward cache, and such a page's form is an already processed submit (see the
 * README).
 */
class BackButtonWithoutJavaScriptTest extends BrowserTestSupport {

	@BeforeAll
	static void startBrowser() {
		startBrowser(false);
	}

	@Test
	void thePagesBackButtonGoesToThePreviousStepWithItsAnswerAndAChangeThereCarriesTheTaskOn() {
		String email = existingCustomer("no-script-back");
		this.shopper.signIn(email, PASSWORD);
		this.shopper.open("/buy?item=" + product("Field notebook").getId()).press("Continue");
		this.shopper.expectHeading("How would you like to pay?").choose("Credit or debit card").press("Continue");
		this.shopper.expectHeading("Card details");
		String taskId = this.shopper.taskId();

		this.shopper.press("Back").expectHeading("How would you like to pay?");
		assertThat(this.shopper.path()).contains("_id=" + taskId);
		assertThat(this.shopper.isChosen("Credit or debit card")).as("the earlier answer").isTrue();
		this.shopper.press("Back").expectHeading("Do you want to buy this?");
		assertThat(this.shopper.path()).contains("_id=" + taskId);
		assertThat(this.shopper.isChosen("Field notebook")).as("the earlier answer").isTrue();

		this.shopper.choose("Canvas tote").fill("Quantity", "2").press("Continue");
		this.shopper.payByCard("No Script");
		assertThat(this.shopper.taskId()).as("the same task carried on").isEqualTo(taskId);
		assertThat(this.shopper.text(".summary-item")).isEqualTo("Canvas tote");
		assertThat(this.shopper.text(".summary-quantity")).isEqualTo("2");
		this.shopper.press("Confirm and pay").expectHeading("Thank you for your order");

		assertThat(ordersOf(email)).singleElement().satisfies((order) -> {
			assertThat(order.getProduct().getName()).isEqualTo("Canvas tote");
			assertThat(order.getQuantity()).isEqualTo(2);
		});
	}

}
