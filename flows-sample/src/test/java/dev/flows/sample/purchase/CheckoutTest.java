package dev.flows.sample.purchase;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.flows.sample.account.Account;
import dev.flows.sample.account.Accounts;
import dev.flows.sample.account.PaymentMethod;
import dev.flows.sample.account.PaymentMethodRepository;
import dev.flows.sample.purchase.payment.Payment;
import dev.flows.sample.shop.OrderRepository;
import dev.flows.sample.shop.ProductRepository;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link Checkout} against the shop's real repositories (H2), in the context the other
 * tests share: the payer pays with a new method or one of their own saved methods, never
 * someone else's.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CheckoutTest {

	@Autowired
	Checkout checkout;

	@Autowired
	Accounts accounts;

	@Autowired
	PaymentMethodRepository paymentMethods;

	@Autowired
	OrderRepository orders;

	@Autowired
	ProductRepository products;

	private Account owner;

	private Account payer;

	private ItemChoice item;

	@BeforeEach
	void twoCustomers() {
		this.owner = this.accounts.register(newEmail("owner"), "Olive Owner", "correct horse battery");
		this.payer = this.accounts.register(newEmail("payer"), "Paul Payer", "correct horse battery");
		this.item = new ItemChoice(this.products.findAllByOrderByIdAsc().get(0).getId(), 2);
	}

	@Test
	void aSavedMethodOfAnotherAccountIsRefusedAndNothingIsPlaced() {
		PaymentMethod ownersCard = saveCard(this.owner, "Visa ending in 1881, expires 10/31");
		Payment payment = savedMethod(ownersCard);
		String taskId = newTaskId();

		assertThat(this.checkout.canPayWith(this.payer.getEmail(), payment)).isFalse();
		assertThatExceptionOfType(PaymentMethodRefusedException.class)
			.isThrownBy(() -> this.checkout.placeOrder(taskId, this.payer.getEmail(), this.item, payment));

		assertThat(this.orders.findByTaskId(taskId)).isEmpty();
		assertThat(this.orders.findByAccountEmailOrderByPlacedAtDesc(this.payer.getEmail())).isEmpty();
		assertThat(this.orders.findByAccountEmailOrderByPlacedAtDesc(this.owner.getEmail())).isEmpty();
	}

	@Test
	void aSavedMethodRemovedSinceItWasChosenIsRefused() {
		PaymentMethod card = saveCard(this.payer, "Visa ending in 4242, expires 12/30");
		Payment payment = savedMethod(card);
		this.paymentMethods.delete(card);
		String taskId = newTaskId();

		assertThatExceptionOfType(PaymentMethodRefusedException.class)
			.isThrownBy(() -> this.checkout.placeOrder(taskId, this.payer.getEmail(), this.item, payment));
		assertThat(this.orders.findByTaskId(taskId)).isEmpty();
	}

	@Test
	void thePayersOwnSavedMethodPaysWithTheLabelTheAccountHas() {
		PaymentMethod card = saveCard(this.payer, "Visa ending in 4242, expires 12/30");
		Payment payment = new Payment(PaymentMethod.Type.CARD, "a label the task state kept", card.getToken(),
				card.getId(), false);
		String taskId = newTaskId();

		assertThat(this.checkout.canPayWith(this.payer.getEmail(), payment)).isTrue();
		Receipt receipt = this.checkout.placeOrder(taskId, this.payer.getEmail(), this.item, payment);

		assertThat(receipt.paymentLabel()).isEqualTo("Visa ending in 4242, expires 12/30");
		assertThat(this.orders.findByTaskId(taskId)).hasValueSatisfying((order) -> {
			assertThat(order.getAccount().getEmail()).isEqualTo(this.payer.getEmail());
			assertThat(order.getQuantity()).isEqualTo(2);
			assertThat(order.getPaymentLabel()).isEqualTo("Visa ending in 4242, expires 12/30");
		});
	}

	@Test
	void aNewMethodIsNotCheckedAndIsSavedForThePayerWhenAsked() {
		Payment payment = new Payment(PaymentMethod.Type.PAYPAL, "PayPal (paul@example.com)", "tok_paypal_1", null,
				true);
		String taskId = newTaskId();

		assertThat(this.checkout.canPayWith(this.payer.getEmail(), payment)).isTrue();
		this.checkout.placeOrder(taskId, this.payer.getEmail(), this.item, payment);

		assertThat(this.orders.findByTaskId(taskId)).isPresent();
		assertThat(this.paymentMethods.findByOwnerEmailOrderByCreatedAtAsc(this.payer.getEmail())).singleElement()
			.extracting(PaymentMethod::getLabel)
			.isEqualTo("PayPal (paul@example.com)");
	}

	private PaymentMethod saveCard(Account account, String label) {
		return this.paymentMethods.save(new PaymentMethod(account, PaymentMethod.Type.CARD, label,
				"tok_card_" + UUID.randomUUID(), Instant.now()));
	}

	/** What {@code UseSavedMethod} puts in the task state. */
	private static Payment savedMethod(PaymentMethod method) {
		return new Payment(method.getType(), method.getLabel(), method.getToken(), method.getId(), false);
	}

	private static String newEmail(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

	/** Unique, like Flows' own: orders are unique by task id. */
	private static String newTaskId() {
		return UUID.randomUUID().toString().replace("-", "").substring(0, 22);
	}

}
