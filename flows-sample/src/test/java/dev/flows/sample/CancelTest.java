package dev.flows.sample;

import org.junit.jupiter.api.Test;

import dev.flows.store.TaskStore;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Cancel in the middle of a purchase: the cancel page, and the task is gone. */
class CancelTest extends BrowserTestSupport {

	@Autowired
	TaskStore tasks;

	@Test
	void cancelFromTheMiddleLandsOnTheCancelPageAndForgetsTheTask() {
		String email = existingCustomer("hesitant");
		this.shopper.signIn(email, PASSWORD);
		this.shopper.open("/buy?item=" + product("Fountain pen").getId()).press("Continue");
		this.shopper.expectHeading("How would you like to pay?").choose("Credit or debit card").press("Continue");
		this.shopper.expectHeading("Card details");
		String cardPage = this.shopper.url();
		String taskId = this.shopper.taskId();
		assertThat(this.tasks.find(taskId)).isPresent();

		this.shopper.press("Cancel").expectHeading("Checkout cancelled");
		assertThat(this.shopper.path()).isEqualTo("/cancelled");
		assertThat(this.tasks.find(taskId)).as("the task is deleted").isEmpty();

		// The old address now starts a new checkout, and says why.
		this.shopper.open(cardPage).expectHeading("Do you want to buy this?");
		assertThat(this.shopper.path()).isEqualTo("/buy?_restarted=true");
		assertThat(this.shopper.pageText())
			.contains("Your previous checkout has expired or could not be found, so we have started a new one.");
		assertThat(ordersOf(email)).isEmpty();
	}

}
