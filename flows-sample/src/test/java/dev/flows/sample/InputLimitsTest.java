package dev.flows.sample;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.flows.sample.Visitor.Page;
import dev.flows.sample.account.DemoMailbox;
import dev.flows.sample.account.PaymentMethod;
import dev.flows.sample.account.PaymentMethodRepository;
import dev.flows.sample.shop.CustomerOrder;
import dev.flows.sample.shop.OrderRepository;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the shop stores has a limit, checked on the form with the message a customer
 * can act on: input too long for its column never reaches the database (which would
 * answer with an error page, or worse). And the longest input a form accepts is stored in
 * full, labels made of it included.
 */
class InputLimitsTest extends VisitorTestSupport {

	private static final String EMAIL_TOO_LONG = "An email address has at most 254 characters";

	private static final String PASSWORD_TOO_LONG = "Choose a password of at most 72 characters "
			+ "(letters such as é count as two)";

	@Autowired
	PaymentMethodRepository paymentMethods;

	@Autowired
	OrderRepository orders;

	@Autowired
	DemoMailbox mailbox;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Test
	void aPayPalAddressTooLongForTheLabelGetsAMessageAndNothingIsStored() {
		String email = existingCustomer("paypal-260");
		Visitor visitor = newVisitor().signIn(email, PASSWORD);
		Page payPal = expect(choose(visitor, startPurchase(visitor), "PAYPAL"), "PayPal");
		String address = emailOfLength(260);

		Page answer = visitor.submit(payPal, Map.of("email", address, "saveForLater", "true"));

		expect(answer, "PayPal");
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.errorNextTo("email")).isEqualTo(EMAIL_TOO_LONG);
		assertThat(answer.html()).as("what was typed is kept").contains(address);
		assertThat(this.paymentMethods.findByOwnerEmailOrderByCreatedAtAsc(email)).isEmpty();
		assertThat(this.orders.findByAccountEmailOrderByPlacedAtDesc(email)).isEmpty();
	}

	@Test
	void theLongestPayPalAddressIsStoredInFullInTheLabel() {
		String email = existingCustomer("paypal-254");
		Visitor visitor = newVisitor().signIn(email, PASSWORD);
		Page payPal = expect(choose(visitor, startPurchase(visitor), "PAYPAL"), "PayPal");
		String address = emailOfLength(254);

		Page confirm = expect(visitor.submit(payPal, Map.of("email", address, "saveForLater", "true")),
				"Confirm and pay");
		expect(visitor.submit(confirm, Map.of()), "Thank you for your order");

		String label = "PayPal (" + address + ")";
		assertThat(label).hasSize(263);
		assertThat(this.orders.findByAccountEmailOrderByPlacedAtDesc(email)).singleElement()
			.extracting(CustomerOrder::getPaymentLabel)
			.isEqualTo(label);
		assertThat(this.paymentMethods.findByOwnerEmailOrderByCreatedAtAsc(email)).singleElement()
			.extracting(PaymentMethod::getLabel)
			.isEqualTo(label);
	}

	@Test
	void bankAccountAndAddressFieldsHaveLimitsAndTheLongestLabelIsStored() {
		String email = existingCustomer("bank-limits");
		Visitor visitor = newVisitor().signIn(email, PASSWORD);
		Page bank = expect(choose(visitor, startPurchase(visitor), "BANK_ACCOUNT"), "Bank account");

		Page answer = visitor.submit(bank, Map.of("holder", "H".repeat(101), "iban", "DE89 3704 0044 0532 0130 00"));
		expect(answer, "Bank account");
		assertThat(answer.errorNextTo("holder")).isEqualTo("Keep the name to 100 characters or fewer");

		String holder = "H".repeat(100);
		Page address = expect(visitor.submit(answer, Map.of("holder", holder, "iban", "DE89 3704 0044 0532 0130 00")),
				"Account holder's address");
		answer = visitor.submit(address, Map.of("street", "S".repeat(201), "postcode", "1".repeat(13), "city",
				"C".repeat(101), "country", "Germany", "saveForLater", "true"));
		expect(answer, "Account holder's address");
		assertThat(answer.errorNextTo("street")).isEqualTo("Keep the street to 200 characters or fewer");
		assertThat(answer.errorNextTo("postcode")).isEqualTo("A postcode has at most 12 characters");
		assertThat(answer.errorNextTo("city")).isEqualTo("Keep the town to 100 characters or fewer");
		assertThat(this.paymentMethods.findByOwnerEmailOrderByCreatedAtAsc(email)).isEmpty();

		String town = "C".repeat(100);
		Page confirm = expect(visitor.submit(answer, Map.of("street", "S".repeat(200), "postcode", "1".repeat(12),
				"city", town, "country", "Germany", "saveForLater", "true")), "Confirm and pay");
		expect(visitor.submit(confirm, Map.of()), "Thank you for your order");

		String label = "Bank account ending in 3000 (" + holder + ", " + town + ")";
		assertThat(this.orders.findByAccountEmailOrderByPlacedAtDesc(email)).singleElement()
			.extracting(CustomerOrder::getPaymentLabel)
			.isEqualTo(label);
		assertThat(this.paymentMethods.findByOwnerEmailOrderByCreatedAtAsc(email)).singleElement()
			.extracting(PaymentMethod::getLabel)
			.isEqualTo(label);
	}

	@Test
	void theNameOnACardHasALimit() {
		String email = existingCustomer("card-limits");
		Visitor visitor = newVisitor().signIn(email, PASSWORD);
		Page card = expect(choose(visitor, startPurchase(visitor), "CARD"), "Card details");

		Page answer = visitor.submit(card, Map.of("holder", "N".repeat(101), "number", "4242 4242 4242 4242", "expiry",
				"12/30", "securityCode", "123"));

		expect(answer, "Card details");
		assertThat(answer.errorNextTo("holder")).isEqualTo("Keep the name to 100 characters or fewer");
	}

	@Test
	void registeringWithValuesTooLongForTheAccountGetsMessagesAndCreatesNoAccount() {
		Visitor visitor = newVisitor();
		Page login = expect(startPurchase(visitor), "Log in");
		Page answer = visitor.submit(login, Map.of("email", emailOfLength(255), "password", PASSWORD));
		expect(answer, "Log in");
		assertThat(answer.errorNextTo("email")).isEqualTo(EMAIL_TOO_LONG);

		Page register = expect(visitor.submit(answer, Map.of("instead", "register")), "Create an account");
		String email = emailOfLength(255);
		String password = "p".repeat(73);
		answer = visitor.submit(register,
				Map.of("name", "N".repeat(81), "email", email, "password", password, "confirmPassword", password));
		expect(answer, "Create an account");
		assertThat(answer.errorNextTo("name")).isEqualTo("Keep your name to 80 characters or fewer");
		assertThat(answer.errorNextTo("email")).isEqualTo(EMAIL_TOO_LONG);
		assertThat(answer.errorNextTo("password")).isEqualTo(PASSWORD_TOO_LONG);
		assertThat(this.accounts.exists(email)).isFalse();

		// 37 characters, but 74 bytes: BCrypt would refuse it.
		String accented = "é".repeat(37);
		answer = visitor.submit(answer,
				Map.of("name", "Émile", "email", newEmail("emile"), "password", accented, "confirmPassword", accented));
		expect(answer, "Create an account");
		assertThat(answer.errorNextTo("password")).isEqualTo(PASSWORD_TOO_LONG);
		assertThat(answer.errorNextTo("name")).isEmpty();
	}

	@Test
	void theLongestNameEmailAndPasswordMakeAnAccount() {
		Visitor visitor = newVisitor();
		Page login = expect(startPurchase(visitor), "Log in");
		Page register = expect(visitor.submit(login, Map.of("instead", "register")), "Create an account");
		String name = "N".repeat(80);
		String email = emailOfLength(254);
		String password = "é".repeat(36);

		Page answer = visitor.submit(register,
				Map.of("name", name, "email", email, "password", password, "confirmPassword", password));

		expect(answer, "How would you like to pay?");
		assertThat(this.accounts.find(email)).hasValueSatisfying((account) -> {
			assertThat(account.getName()).isEqualTo(name);
			assertThat(this.passwordEncoder.matches(password, account.getPasswordHash())).isTrue();
		});
	}

	@Test
	void aNewPasswordTooLongToHashGetsAMessageAndTheOldOneStays() {
		String email = existingCustomer("reset-limits");
		Visitor visitor = newVisitor();
		Page login = expect(startPurchase(visitor), "Log in");
		Page forgot = expect(visitor.submit(login, Map.of("instead", "forgot-password")), "Forgot your password?");

		Page answer = visitor.submit(forgot, Map.of("email", emailOfLength(255)));
		expect(answer, "Forgot your password?");
		assertThat(answer.errorNextTo("email")).isEqualTo(EMAIL_TOO_LONG);

		Page code = expect(visitor.submit(answer, Map.of("email", email)), "Enter the code we sent you");
		Page newPassword = expect(visitor.submit(code, Map.of("code", mailedCode(email))), "Choose a new password");
		String tooLong = "p".repeat(73);
		answer = visitor.submit(newPassword, Map.of("password", tooLong, "confirmPassword", tooLong));

		expect(answer, "Choose a new password");
		assertThat(answer.errorNextTo("password")).isEqualTo(PASSWORD_TOO_LONG);
		assertThat(this.accounts.find(email)).hasValueSatisfying(
				(account) -> assertThat(this.passwordEncoder.matches(PASSWORD, account.getPasswordHash())).isTrue());
	}

	/**
	 * Chooses the kind of a new payment method, for a signed-in customer without saved
	 * ones.
	 */
	private static Page choose(Visitor visitor, Page paymentType, String type) {
		expect(paymentType, "How would you like to pay?");
		return visitor.submit(paymentType, Map.of("type", type));
	}

	private String mailedCode(String email) {
		Matcher code = Pattern.compile("Your code is ([0-9]{6})")
			.matcher(this.mailbox.latestTo(email).orElseThrow().body());
		assertThat(code.find()).isTrue();
		return code.group(1);
	}

	/**
	 * A well-formed email address nobody has used, of exactly {@code length} characters:
	 * a local part of at most 64 characters, and a domain of labels of 63 ({@code @Email}
	 * checks both).
	 */
	static String emailOfLength(int length) {
		String tail = "example.com";
		int labels = (length - tail.length() - 2) / 64;
		int local = length - 1 - labels * 64 - tail.length();
		String id = UUID.randomUUID().toString().replace("-", "");
		String address = (id + "x".repeat(64)).substring(0, local) + "@" + ("d".repeat(63) + ".").repeat(labels) + tail;
		assertThat(address).hasSize(length);
		return address;
	}

}
