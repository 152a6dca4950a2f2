package dev.flows.sample;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A returning customer forgot the password: three pages, then back to the login with the
 * new one.
 */
class ForgotPasswordTest extends BrowserTestSupport {

	private static final Pattern CODE = Pattern.compile("Your code is ([0-9]{6})");

	@Test
	void resetThePasswordThenLogInWithTheNewOneAndFinish() {
		String email = existingCustomer("forgetful");
		String newPassword = "a brand new password";

		this.shopper.open("/buy?item=" + product("Field notebook").getId()).expectHeading("Do you want to buy this?");
		this.shopper.press("Continue").expectHeading("Log in");
		this.shopper.press("Forgot your password?");

		this.shopper.expectHeading("Forgot your password?");
		assertThat(this.shopper.subProgress()).containsExactly("1. Forgot your password?: current",
				"2. Enter the code we sent you: todo", "3. Choose a new password: todo");
		this.shopper.fill("Email address", email).press("Send me a code");

		this.shopper.expectHeading("Enter the code we sent you");
		Matcher mail = CODE.matcher(this.shopper.text(".demo-mail"));
		assertThat(mail.find()).as("the demo mailbox shows the code").isTrue();
		String code = mail.group(1);
		String wrongCode = code.equals("000000") ? "111111" : "000000";
		this.shopper.fill("Code", wrongCode).press("Check the code");
		this.shopper.expectHeading("Enter the code we sent you");
		assertThat(this.shopper.errorNextTo("Code")).isEqualTo("That code is not right, or it has expired");
		this.shopper.fill("Code", code).press("Check the code");

		this.shopper.expectHeading("Choose a new password")
			.fill("New password (at least 8 characters)", newPassword)
			.fill("The same password again", newPassword)
			.press("Save the new password");

		// ResetPassword answered Outcome.goTo(LoginOrRegister.class).
		this.shopper.expectHeading("Log in");
		assertThat(this.shopper.pageText()).contains("Your password has been changed");
		assertThat(this.shopper.valueOf("Email address")).isEqualTo(email);
		this.shopper.fill("Password", PASSWORD).press("Log in");
		this.shopper.expectHeading("Log in");
		assertThat(this.shopper.pageText()).contains("That email address and password don't match an account");
		this.shopper.fill("Password", newPassword).press("Log in");

		this.shopper.expectHeading("How would you like to pay?");
		assertThat(this.shopper.pageText()).contains("Signed in as " + email);
		this.shopper.payByCard("Forgetful Customer").press("Confirm and pay");
		this.shopper.expectHeading("Thank you for your order");

		assertThat(ordersOf(email)).singleElement()
			.satisfies((order) -> assertThat(order.getProduct().getName()).isEqualTo("Field notebook"));
	}

}
