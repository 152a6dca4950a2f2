package dev.flows.sample.shop;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import dev.flows.sample.account.Account;
import dev.flows.sample.account.PaymentMethod;

/**
 * A placed order. The id of the purchase task that placed it is unique: one task, at most
 * one order, whatever the browser sends twice.
 */
@Entity
@Table(name = "orders")
public class CustomerOrder {

	private static final DateTimeFormatter PLACED_AT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.UK)
		.withZone(ZoneOffset.UTC);

	@Id
	@GeneratedValue
	private Long id;

	@ManyToOne(optional = false)
	private Account account;

	@ManyToOne(optional = false)
	private Product product;

	private int quantity;

	private long totalCents;

	/**
	 * A copy of the payment method's label (the method itself may never have been saved).
	 */
	@Column(nullable = false, length = PaymentMethod.LABEL_LENGTH)
	private String paymentLabel;

	/**
	 * Flows' task ids have 22 characters, and are checked for their form before any step
	 * runs.
	 */
	@Column(nullable = false, unique = true, length = 64)
	private String taskId;

	@Column(nullable = false)
	private Instant placedAt;

	protected CustomerOrder() {
	}

	public CustomerOrder(Account account, Product product, int quantity, String paymentLabel, String taskId,
			Instant placedAt) {
		this.account = account;
		this.product = product;
		this.quantity = quantity;
		this.totalCents = product.getPriceCents() * quantity;
		this.paymentLabel = paymentLabel;
		this.taskId = taskId;
		this.placedAt = placedAt;
	}

	public Long getId() {
		return this.id;
	}

	/** What the customer quotes on the phone: {@code FL-00042}. */
	public String getNumber() {
		return String.format("FL-%05d", this.id);
	}

	public Account getAccount() {
		return this.account;
	}

	public Product getProduct() {
		return this.product;
	}

	public int getQuantity() {
		return this.quantity;
	}

	public long getTotalCents() {
		return this.totalCents;
	}

	public String getTotal() {
		return Prices.format(this.totalCents);
	}

	public String getPaymentLabel() {
		return this.paymentLabel;
	}

	public String getTaskId() {
		return this.taskId;
	}

	public Instant getPlacedAt() {
		return this.placedAt;
	}

	public String getPlacedAtText() {
		return PLACED_AT.format(this.placedAt);
	}

}
