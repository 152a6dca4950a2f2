package dev.flows.sample.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/**
 * A payment method a customer saved for next time. Like a real shop, it keeps the payment
 * provider's token and a label to show, never a card number.
 */
@Entity
public class PaymentMethod {

	/** The kinds of payment method. */
	public enum Type {

		CARD, BANK_ACCOUNT, PAYPAL

	}

	@Id
	@GeneratedValue
	private Long id;

	@ManyToOne(optional = false)
	private Account owner;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Type type;

	@Column(nullable = false)
	private String label;

	@Column(nullable = false)
	private String token;

	@Column(nullable = false)
	private Instant createdAt;

	protected PaymentMethod() {
	}

	public PaymentMethod(Account owner, Type type, String label, String token, Instant createdAt) {
		this.owner = owner;
		this.type = type;
		this.label = label;
		this.token = token;
		this.createdAt = createdAt;
	}

	public Long getId() {
		return this.id;
	}

	public Account getOwner() {
		return this.owner;
	}

	public Type getType() {
		return this.type;
	}

	public String getLabel() {
		return this.label;
	}

	public String getToken() {
		return this.token;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
