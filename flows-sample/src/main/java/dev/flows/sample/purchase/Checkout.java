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
 * Places the order of a purchase task, in one transaction: the order, and the new payment method if
 * the customer asked to save it.
 * <p>
 * Flows already makes sure the step runs once (POSTs of one task are serialized and a repeated form
 * is recognised by its version), and the order's task id is unique in the database; looking the
 * order up first makes placing it idempotent as well.
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

	@Transactional
	public Receipt placeOrder(String taskId, String email, ItemChoice item, Payment payment) {
		CustomerOrder order = this.orders.findByTaskId(taskId).orElseGet(() -> {
			Account account = this.accounts.findByEmail(email).orElseThrow();
			Product product = this.products.findById(item.productId()).orElseThrow();
			if (payment.saveForLater() && payment.savedMethodId() == null
					&& !this.paymentMethods.existsByOwnerEmailAndLabel(email, payment.label())) {
				this.paymentMethods.save(new PaymentMethod(account, payment.type(), payment.label(), payment.token(),
						this.clock.instant()));
			}
			CustomerOrder placed = this.orders.save(new CustomerOrder(account, product, item.quantity(),
					payment.label(), taskId, this.clock.instant()));
			this.mailbox.send(email, "Your order " + placed.getNumber(), placed.getQuantity() + " x "
					+ product.getName() + ", " + placed.getTotal() + ", paid with " + placed.getPaymentLabel() + ".");
			return placed;
		});
		return new Receipt(order.getId(), order.getNumber(), order.getProduct().getName(), order.getQuantity(),
				order.getTotal(), order.getPaymentLabel(), email);
	}

}
