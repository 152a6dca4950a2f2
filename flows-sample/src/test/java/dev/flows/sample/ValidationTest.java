package dev.flows.sample;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every form is checked with Bean Validation: the page comes back with each message next
 * to its field, and with what the customer typed still there.
 */
class ValidationTest extends BrowserTestSupport {

	@Test
	void errorsAreShownNextToTheFieldsAndTheEnteredValuesAreKept() {
		// Nothing chosen, and a quantity that is not a number.
		this.shopper.open("/buy").expectHeading("Do you want to buy this?");
		this.shopper.fill("Quantity", "lots").press("Continue");
		this.shopper.expectHeading("Do you want to buy this?");
		assertThat(this.shopper.errorOfChoice("Choose something from the shop"))
			.isEqualTo("Choose what you would like to buy");
		assertThat(this.shopper.errorNextTo("Quantity")).isEqualTo("Enter a whole number");
		assertThat(this.shopper.valueOf("Quantity")).isEqualTo("lots");

		this.shopper.choose("Fountain pen").fill("Quantity", "11").press("Continue");
		this.shopper.expectHeading("Do you want to buy this?");
		assertThat(this.shopper.errorNextTo("Quantity")).isEqualTo("You can buy 1 to 10 at a time");
		assertThat(this.shopper.valueOf("Quantity")).isEqualTo("11");
		assertThat(this.shopper.isChosen("Fountain pen")).isTrue();
		this.shopper.fill("Quantity", "1").press("Continue");

		// Registration: four fields, four messages.
		this.shopper.expectHeading("Log in").press("Create an account").expectHeading("Create an account");
		this.shopper.fill("Your name", "Val Idation")
			.fill("Email address", "val.idation")
			.fill("Choose a password (at least 8 characters)", "short")
			.fill("The same password again", "different")
			.press("Create my account");
		this.shopper.expectHeading("Create an account");
		assertThat(this.shopper.errorNextTo("Your name")).isEmpty();
		assertThat(this.shopper.errorNextTo("Email address")).isEqualTo("Enter an email address like name@example.com");
		assertThat(this.shopper.errorNextTo("Choose a password (at least 8 characters)"))
			.isEqualTo("Choose a password of at least 8 characters");
		assertThat(this.shopper.valueOf("Your name")).isEqualTo("Val Idation");
		assertThat(this.shopper.valueOf("Email address")).isEqualTo("val.idation");
		assertThat(this.shopper.valueOf("Choose a password (at least 8 characters)")).as("passwords are not sent back")
			.isEmpty();

		String email = newEmail("val");
		this.shopper.fill("Email address", email)
			.fill("Choose a password (at least 8 characters)", PASSWORD)
			.fill("The same password again", "not the same")
			.press("Create my account");
		assertThat(this.shopper.errorNextTo("The same password again")).isEqualTo("The two passwords are not the same");
		assertThat(this.shopper.errorNextTo("Email address")).isEmpty();
		this.shopper.fill("Choose a password (at least 8 characters)", PASSWORD)
			.fill("The same password again", PASSWORD)
			.press("Create my account");

		// Payment: nothing chosen, then a card with every field wrong.
		this.shopper.expectHeading("How would you like to pay?").press("Continue");
		this.shopper.expectHeading("How would you like to pay?");
		assertThat(this.shopper.errorOfChoice("Pay with")).isEqualTo("Choose how you would like to pay");
		this.shopper.choose("Credit or debit card").press("Continue").expectHeading("Card details");
		this.shopper.fill("Name on the card", "Val Idation")
			.fill("Card number", "4242 4242 4242 4241")
			.fill("Expiry date (MM/YY)", "13/30")
			.fill("Security code", "12")
			.press("Continue");
		this.shopper.expectHeading("Card details");
		assertThat(this.shopper.errorNextTo("Name on the card")).isEmpty();
		assertThat(this.shopper.errorNextTo("Card number")).isEqualTo("This is not a valid card number");
		assertThat(this.shopper.errorNextTo("Expiry date (MM/YY)")).isEqualTo("Enter the expiry date as MM/YY");
		assertThat(this.shopper.errorNextTo("Security code")).isEqualTo("The security code has 3 or 4 digits");
		assertThat(this.shopper.valueOf("Name on the card")).isEqualTo("Val Idation");
		assertThat(this.shopper.valueOf("Card number")).isEqualTo("4242 4242 4242 4241");
		assertThat(this.shopper.valueOf("Expiry date (MM/YY)")).isEqualTo("13/30");

		this.shopper.fill("Card number", "4242 4242 4242 4242")
			.fill("Expiry date (MM/YY)", "01/20")
			.fill("Security code", "123")
			.press("Continue");
		assertThat(this.shopper.errorNextTo("Expiry date (MM/YY)")).isEqualTo("This card has expired");
		this.shopper.fill("Expiry date (MM/YY)", "12/30").press("Continue").expectHeading("Confirm and pay");

		assertThat(ordersOf(email)).as("nothing ordered yet").isEmpty();
	}

	@Test
	void bankDetailsAndAddressAreCheckedToo() {
		String email = existingCustomer("careful");
		this.shopper.signIn(email, PASSWORD);
		this.shopper.open("/buy?item=" + product("Desk lamp").getId()).press("Continue");
		this.shopper.expectHeading("How would you like to pay?").choose("Bank account").press("Continue");

		this.shopper.expectHeading("Bank account")
			.fill("Account holder", "Carla Careful")
			.fill("IBAN", "DE89 3704 0044 0532 0130 01")
			.press("Continue");
		assertThat(this.shopper.errorNextTo("IBAN")).isEqualTo("This is not a valid IBAN");
		assertThat(this.shopper.valueOf("IBAN")).isEqualTo("DE89 3704 0044 0532 0130 01");
		assertThat(this.shopper.valueOf("Account holder")).isEqualTo("Carla Careful");
		this.shopper.fill("IBAN", "DE89 3704 0044 0532 0130 00").press("Continue");

		this.shopper.expectHeading("Account holder's address").fill("Town or city", "Hamburg").press("Continue");
		this.shopper.expectHeading("Account holder's address");
		assertThat(this.shopper.errorNextTo("Street and number")).isEqualTo("Enter the street and number");
		assertThat(this.shopper.errorNextTo("Postcode")).isEqualTo("Enter the postcode");
		assertThat(this.shopper.errorNextTo("Country")).isEqualTo("Choose the country");
		assertThat(this.shopper.errorNextTo("Town or city")).isEmpty();
		assertThat(this.shopper.valueOf("Town or city")).isEqualTo("Hamburg");
	}

}
