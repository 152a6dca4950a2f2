package dev.flows.sample;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A task id is no key to someone else's purchase: a copied link opened in another
 * browser, or an id typed by hand, starts a fresh checkout and shows nothing of
 * anybody's.
 */
class ForeignTaskIdTest extends BrowserTestSupport {

	private static final String RESTARTED = "Your previous checkout has expired or could not be found";

	@Test
	void aLinkCopiedIntoAnotherBrowserStartsAFreshCheckout() {
		String email = existingCustomer("owner");
		this.shopper.signIn(email, PASSWORD);
		this.shopper.open("/buy?item=" + product("Desk lamp").getId()).fill("Quantity", "4").press("Continue");
		this.shopper.payByCard("Olive Owner");
		String confirmPage = this.shopper.url();
		String taskId = this.shopper.taskId();

		try (Browser other = anotherBrowser()) {
			Shopper stranger = new Shopper(other.driver(), baseUrl());
			stranger.open(confirmPage).expectHeading("Do you want to buy this?");
			assertThat(stranger.path()).isEqualTo("/buy?_restarted=true");
			assertThat(stranger.pageText()).contains(RESTARTED)
				.doesNotContain(email)
				.doesNotContain("Visa ending in 4242")
				.doesNotContain("Olive Owner");
			assertThat(stranger.isChosen("Desk lamp")).isFalse();

			stranger.open("/buy/_done?_id=" + taskId).expectHeading("Do you want to buy this?");
			assertThat(stranger.pageText()).contains(RESTARTED);
		}

		// The owner carries on undisturbed.
		this.shopper.open(confirmPage).expectHeading("Confirm and pay");
		assertThat(this.shopper.text(".summary-quantity")).isEqualTo("4");
		this.shopper.press("Confirm and pay").expectHeading("Thank you for your order");
		assertThat(ordersOf(email)).singleElement().satisfies((order) -> assertThat(order.getQuantity()).isEqualTo(4));
	}

	@Test
	void anIdTypedByHandStartsAFreshCheckout() {
		this.shopper.open("/buy/payment/new/card?_id=AAAAAAAAAAAAAAAAAAAAAA").expectHeading("Do you want to buy this?");
		assertThat(this.shopper.path()).isEqualTo("/buy?_restarted=true");
		assertThat(this.shopper.pageText()).contains(RESTARTED);

		this.shopper.open("/buy?_id=0123456789abcdefABCDEF").expectHeading("Do you want to buy this?");
		assertThat(this.shopper.pageText()).contains(RESTARTED);
	}

	@Test
	void somethingThatIsNotATaskIdGetsAClearErrorPage() {
		this.shopper.open("/buy/confirm?_id=my-order").expectHeading("That link doesn't look right");
		assertThat(this.shopper.pageText()).contains("Error 400").contains("Start again from the shop");
	}

}
