package dev.flows.sample.purchase;

import java.time.Clock;

import dev.flows.sample.account.Account;
import dev.flows.sample.account.AccountRepository;
import dev.flows.sample.account.DemoMailbox;
import dev.flows.sample.account.PaymentMethod;
import dev.flows.sample.account.PaymentMethodRepository;
import dev.flows.sample.purchase.payment.Payment;
import dev.flows.sample.shop.CustomerOrder;
import dev.flows.sample.shop.OrderRepository;
import dev.flows.sample.shop.Product;
import dev.flows.sample.shop.ProductRepository;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places the order of a purchase task, in one transaction: the order, and the new payment
 * method if the customer asked to save it.
 * <p>
 * Flows already makes sure the step runs once (POSTs of one task are serialized and a
 * repeated form is recognised by its version), and the order's task id is unique in the
 * database; looking the order up first makes placing it idempotent as well.
 * <p>
 * The task state says how to pay, but the payer is whoever is signed in when the order is
 * placed. A saved method is used only if it is one of the payer's own: the customer who
 * chose it and the one who confirms can differ (someone else signed in, in the same
 * browser, in between).
 */
@Service
public class Checkout {

	private final OrderRepository orders;

	private final ProductRepository products;

	private final AccountRepository accounts;

	private final PaymentMethodRepository paymentMethods;

	private final DemoMailbox mailbox;

	private final Clock clock = Clock.systemUTC();

	Checkout(OrderRepository orders, ProductRepository products, AccountRepository accounts,
			PaymentMethodRepository paymentMethods, DemoMailbox mailbox) {
		this.orders = orders;
		this.products = products;
		this.accounts = accounts;
		this.paymentMethods = paymentMethods;
		this.mailbox = mailbox;
	}

	/**
	 * Whether {@code email}'s order may be paid with {@code payment}: a new method, or a
	 * saved method of that account. The confirmation page asks before offering to pay;
	 * placing the order checks again.
	 */
	@Transactional(readOnly = true)
	public boolean canPayWith(String email, Payment payment) {
		return payment.savedMethodId() == null
				|| this.paymentMethods.findByIdAndOwnerEmail(payment.savedMethodId(), email).isPresent();
	}

	/**
	 * Places the order of task {@code taskId} for the account {@code email}, or returns
	 * the receipt of the order that task placed already.
	 * @throws PaymentMethodRefusedException if {@code payment} is a saved method that is
	 * not one of {@code email}'s; nothing is placed or saved then
	 */
	@Transactional
	public Receipt placeOrder(String taskId, String email, ItemChoice item, Payment payment) {
		CustomerOrder order = this.orders.findByTaskId(taskId).orElseGet(() -> {
			Account account = this.accounts.findByEmail(email).orElseThrow();
			Product product = this.products.findById(item.productId()).orElseThrow();
			String label = payment.label();
			if (payment.savedMethodId() != null) {
				PaymentMethod saved = this.paymentMethods.findByIdAndOwnerEmail(payment.savedMethodId(), email)
					.orElseThrow(() -> new PaymentMethodRefusedException(payment.savedMethodId(), email));
				// The account's own record, rather than the copy the task state kept.
				label = saved.getLabel();
			}
			else if (payment.saveForLater() && !this.paymentMethods.existsByOwnerEmailAndLabel(email, label)) {
				this.paymentMethods
					.save(new PaymentMethod(account, payment.type(), label, payment.token(), this.clock.instant()));
			}
			CustomerOrder placed = this.orders
				.save(new CustomerOrder(account, product, item.quantity(), label, taskId, this.clock.instant()));
			this.mailbox.send(email, "Your order " + placed.getNumber(), placed.getQuantity() + " x "
					+ product.getName() + ", " + placed.getTotal() + ", paid with " + placed.getPaymentLabel() + ".");
			return placed;
		});
		return new Receipt(order.getId(), order.getNumber(), order.getProduct().getName(), order.getQuantity(),
				order.getTotal(), order.getPaymentLabel(), email);
	}

}
