package dev.flows.sample;

import org.junit.jupiter.api.Test;

import dev.flows.store.TaskStore;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Back shows the earlier answers: the steps keep their forms
 * ({@code @FlowAction(form = "form")}), so the browser's Back button and the page's Back
 * button show what the customer entered, and a change carries on from there. Secrets
 * (passwords, the card number and security code, the IBAN) are neither shown again nor
 * kept in the task: the test reads the task as the store holds it.
 */
class EarlierAnswersTest extends BrowserTestSupport {

	private static final String IBAN = "DE89 3704 0044 0532 0130 00";

	private static final String CARD_NUMBER = "4242 4242 4242 4242";

	private static final String SECURITY_CODE = "987";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	TaskStore tasks;

	@Test
	void backThroughABankAccountAndItsAddressShowsTheAnswersButNotTheIbanOrThePasswords() {
		String email = newEmail("returner");
		this.shopper.open("/buy?item=" + product("Field notebook").getId()).expectHeading("Do you want to buy this?");
		this.shopper.fill("Quantity", "3").press("Continue");
		this.shopper.expectHeading("Log in").press("Create an account");
		this.shopper.expectHeading("Create an account")
			.fill("Your name", "Rita Returner")
			.fill("Email address", email)
			.fill("Choose a password (at least 8 characters)", PASSWORD)
			.fill("The same password again", PASSWORD)
			.press("Create my account");
		this.shopper.expectHeading("How would you like to pay?").choose("Bank account").press("Continue");
		this.shopper.expectHeading("Bank account").fill("Account holder", "Rita Returner").fill("IBAN", IBAN);
		this.shopper.press("Continue")
			.expectHeading("Account holder's address")
			.fill("Street and number", "Unter den Linden 1")
			.fill("Postcode", "10117")
			.fill("Town or city", "Berlin")
			.select("Country", "Germany")
			.tick("Save this payment method")
			.press("Continue");
		this.shopper.expectHeading("Confirm and pay");
		String taskId = this.shopper.taskId();

		// What the task keeps: each step's form, without the secrets.
		String stored = storedState(taskId);
		JsonNode state = JSON.readTree(stored);
		assertThat(state.path("form:register").path("name").asString()).isEqualTo("Rita Returner");
		assertThat(state.path("form:register").path("email").asString()).isEqualTo(email);
		assertThat(state.path("form:register").has("password")).isFalse();
		assertThat(state.path("form:register").has("confirmPassword")).isFalse();
		assertThat(state.path("form:details").path("holder").asString()).isEqualTo("Rita Returner");
		assertThat(state.path("form:details").has("iban")).isFalse();
		assertThat(state.path("form:address").path("city").asString()).isEqualTo("Berlin");
		assertThat(stored).doesNotContain(PASSWORD, IBAN, IBAN.replace(" ", ""));

		// The browser's Back button, page by page.
		this.shopper.browserBack().expectHeading("Account holder's address");
		assertThat(this.shopper.valueOf("Street and number")).isEqualTo("Unter den Linden 1");
		assertThat(this.shopper.valueOf("Postcode")).isEqualTo("10117");
		assertThat(this.shopper.valueOf("Town or city")).isEqualTo("Berlin");
		assertThat(this.shopper.valueOf("Country")).isEqualTo("Germany");
		assertThat(this.shopper.isTicked("Save this payment method")).isTrue();
		this.shopper.browserBack().expectHeading("Bank account");
		assertThat(this.shopper.valueOf("Account holder")).isEqualTo("Rita Returner");
		assertThat(this.shopper.valueOf("IBAN")).as("the IBAN is not shown again").isEmpty();
		this.shopper.browserBack().expectHeading("How would you like to pay?");
		assertThat(this.shopper.isChosen("Bank account")).isTrue();
		this.shopper.browserBack().expectHeading("Create an account");
		assertThat(this.shopper.valueOf("Your name")).isEqualTo("Rita Returner");
		assertThat(this.shopper.valueOf("Email address")).isEqualTo(email);
		assertThat(this.shopper.valueOf("Choose a password (at least 8 characters)")).isEmpty();
		assertThat(this.shopper.valueOf("The same password again")).isEmpty();
		this.shopper.browserBack().expectHeading("Log in");
		// (One more Back would be the entry page, /buy?item=..., which belongs to no task
		// yet.) A link
		// to the first step of this task:
		this.shopper.open("/buy/item?_id=" + taskId).expectHeading("Do you want to buy this?");
		assertThat(this.shopper.isChosen("Field notebook")).isTrue();
		assertThat(this.shopper.valueOf("Quantity")).isEqualTo("3");
		assertThat(this.tasks.find(taskId).orElseThrow().state()).as("reading pages changes nothing").isEqualTo(stored);

		// Back where the task is, the page's Back button: the address again; change the
		// town.
		this.shopper.open("/buy?_id=" + taskId).expectHeading("Confirm and pay");
		this.shopper.press("Back").expectHeading("Account holder's address");
		assertThat(this.shopper.valueOf("Street and number")).isEqualTo("Unter den Linden 1");
		assertThat(this.shopper.valueOf("Town or city")).isEqualTo("Berlin");
		this.shopper.fill("Town or city", "Potsdam").fill("Postcode", "14467").press("Continue");
		this.shopper.expectHeading("Confirm and pay");
		assertThat(this.shopper.text(".summary-payment"))
			.isEqualTo("Bank account ending in 3000 (Rita Returner, Potsdam)");

		// Back twice, to the bank account: the holder is there, the IBAN must be typed
		// again. Going
		// back before the address step drops what that step kept (it owns its form, as
		// its answer).
		this.shopper.press("Back").expectHeading("Account holder's address");
		this.shopper.press("Back").expectHeading("Bank account");
		assertThat(this.shopper.valueOf("Account holder")).isEqualTo("Rita Returner");
		assertThat(this.shopper.valueOf("IBAN")).isEmpty();
		assertThat(JSON.readTree(storedState(taskId)).has("form:address")).isFalse();
		this.shopper.fill("Account holder", "Rita R. Returner").fill("IBAN", IBAN).press("Continue");
		this.shopper.expectHeading("Account holder's address");
		assertThat(this.shopper.valueOf("Street and number")).isEmpty();
		this.shopper.fill("Street and number", "Am Kanal 4")
			.fill("Postcode", "14467")
			.fill("Town or city", "Potsdam")
			.select("Country", "Germany")
			.press("Continue");
		this.shopper.expectHeading("Confirm and pay");
		assertThat(this.shopper.text(".summary-payment"))
			.isEqualTo("Bank account ending in 3000 (Rita R. Returner, Potsdam)");
		assertThat(storedState(taskId)).doesNotContain(PASSWORD, IBAN, IBAN.replace(" ", ""));
		this.shopper.press("Confirm and pay").expectHeading("Thank you for your order");

		assertThat(ordersOf(email)).singleElement().satisfies((order) -> {
			assertThat(order.getQuantity()).isEqualTo(3);
			assertThat(order.getPaymentLabel()).isEqualTo("Bank account ending in 3000 (Rita R. Returner, Potsdam)");
		});
	}

	@Test
	void backToTheCardShowsTheNameAndExpiryButNeitherTheNumberNorTheSecurityCode() {
		String email = existingCustomer("card-holder");
		this.shopper.open("/buy?item=" + product("Fountain pen").getId()).press("Continue");
		this.shopper.expectHeading("Log in").fill("Email address", email).fill("Password", PASSWORD).press("Log in");
		this.shopper.expectHeading("How would you like to pay?").choose("Credit or debit card").press("Continue");
		this.shopper.expectHeading("Card details")
			.fill("Name on the card", "Carla Card")
			.fill("Card number", CARD_NUMBER)
			.fill("Expiry date (MM/YY)", "11/31")
			.fill("Security code", SECURITY_CODE)
			.tick("Save this payment method")
			.press("Continue");
		this.shopper.expectHeading("Confirm and pay");
		assertThat(this.shopper.text(".summary-payment")).isEqualTo("Visa ending in 4242, expires 11/31");
		String taskId = this.shopper.taskId();

		String stored = storedState(taskId);
		JsonNode card = JSON.readTree(stored).path("form:card");
		assertThat(card.path("holder").asString()).isEqualTo("Carla Card");
		assertThat(card.path("expiry").asString()).isEqualTo("11/31");
		assertThat(card.path("saveForLater").asBoolean()).isTrue();
		assertThat(card.has("number")).isFalse();
		assertThat(card.has("securityCode")).isFalse();
		assertThat(JSON.readTree(stored).path("form:login").path("email").asString()).isEqualTo(email);
		assertThat(JSON.readTree(stored).path("form:login").has("password")).isFalse();
		assertThat(stored).doesNotContain(CARD_NUMBER, CARD_NUMBER.replace(" ", ""), '"' + SECURITY_CODE + '"',
				PASSWORD);

		// The browser's Back button: the card page, then the login page.
		this.shopper.browserBack().expectHeading("Card details");
		assertThat(this.shopper.valueOf("Name on the card")).isEqualTo("Carla Card");
		assertThat(this.shopper.valueOf("Expiry date (MM/YY)")).isEqualTo("11/31");
		assertThat(this.shopper.isTicked("Save this payment method")).isTrue();
		assertThat(this.shopper.valueOf("Card number")).as("the card number is not shown again").isEmpty();
		assertThat(this.shopper.valueOf("Security code")).as("the security code is not shown again").isEmpty();
		this.shopper.browserBack().expectHeading("How would you like to pay?");
		assertThat(this.shopper.isChosen("Credit or debit card")).isTrue();
		this.shopper.browserBack().expectHeading("Log in");
		assertThat(this.shopper.valueOf("Email address")).isEqualTo(email);
		assertThat(this.shopper.valueOf("Password")).isEmpty();

		// Where the task is, the page's Back button: change the name, type the card
		// again, carry on.
		this.shopper.open("/buy?_id=" + taskId).expectHeading("Confirm and pay");
		this.shopper.press("Back").expectHeading("Card details");
		assertThat(this.shopper.valueOf("Name on the card")).isEqualTo("Carla Card");
		assertThat(this.shopper.valueOf("Expiry date (MM/YY)")).isEqualTo("11/31");
		assertThat(this.shopper.valueOf("Card number")).isEmpty();
		assertThat(this.shopper.valueOf("Security code")).isEmpty();
		this.shopper.fill("Name on the card", "Carla C. Card")
			.fill("Card number", "5555 5555 5555 4444")
			.fill("Security code", SECURITY_CODE)
			.press("Continue");
		this.shopper.expectHeading("Confirm and pay");
		assertThat(this.shopper.text(".summary-payment")).isEqualTo("Mastercard ending in 4444, expires 11/31");
		stored = storedState(taskId);
		assertThat(JSON.readTree(stored).path("form:card").path("holder").asString()).isEqualTo("Carla C. Card");
		assertThat(stored).doesNotContain("5555 5555 5555 4444", "5555555555554444", '"' + SECURITY_CODE + '"');
		this.shopper.press("Confirm and pay").expectHeading("Thank you for your order");

		assertThat(ordersOf(email)).singleElement()
			.satisfies((order) -> assertThat(order.getPaymentLabel())
				.isEqualTo("Mastercard ending in 4444, expires 11/31"));
	}

	/** The task's state as the store holds it: the JSON object of its state column. */
	private String storedState(String taskId) {
		return this.tasks.find(taskId).orElseThrow().state();
	}

}
