package dev.flows.sample;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.interactions.Actions;

import static org.assertj.core.api.Assertions.assertThat;

/** "Confirm and pay" pressed twice places one order. */
class DoubleSubmitTest extends BrowserTestSupport {

	@Test
	void twoSubmitsFiredTogetherPlaceOneOrder() {
		String email = existingCustomer("impatient");
		this.shopper.signIn(email, PASSWORD);
		this.shopper.open("/buy?item=" + product("Desk lamp").getId()).press("Continue");
		this.shopper.payByCard("Ivy Impatient");
		String taskId = this.shopper.taskId();

		// The form sent twice at the same moment, with the same task version, as a double
		// click does.
		@SuppressWarnings("unchecked")
		List<String> answers = (List<String>) ((JavascriptExecutor) this.shopper.driver()).executeAsyncScript(
				"""
						const done = arguments[arguments.length - 1];
						const form = document.getElementById('pay-form');
						const send = () => fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)) });
						Promise.all([send(), send()])
							.then((responses) => done(responses.map((response) => response.status + ' ' + new URL(response.url).pathname)))
							.catch((error) => done(['failed: ' + error]));
						""");
		assertThat(answers).containsExactly("200 /buy/_done", "200 /buy/_done");

		// And once more from the page, long after: the order confirmation, not a second
		// order.
		this.shopper.press("Confirm and pay").expectHeading("Thank you for your order");

		this.shopper.follow("My orders").expectHeading("My orders");
		assertThat(this.shopper.texts(".order-item")).containsExactly("Desk lamp");
		assertThat(ordersOf(email)).singleElement()
			.satisfies((order) -> assertThat(order.getTaskId()).isEqualTo(taskId));
	}

	@Test
	void aDoubleClickPlacesOneOrder() {
		String email = existingCustomer("double-clicker");
		this.shopper.signIn(email, PASSWORD);
		this.shopper.open("/buy?item=" + product("Canvas tote").getId()).press("Continue");
		this.shopper.payByCard("Dora Double");

		this.shopper.loadingNewPage(
				() -> new Actions(this.shopper.driver()).doubleClick(this.shopper.button("Confirm and pay")).perform());
		this.shopper.expectHeading("Thank you for your order");

		this.shopper.follow("My orders").expectHeading("My orders");
		assertThat(this.shopper.texts(".order-item")).containsExactly("Canvas tote");
		assertThat(ordersOf(email)).hasSize(1);
	}

}
