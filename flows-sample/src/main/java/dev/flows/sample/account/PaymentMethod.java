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

	/**
	 * The longest label. Labels are made of what the customer typed, so each kind's form
	 * bounds the fields its label shows: "PayPal (address)" is at most
	 * {@link Account#EMAIL_LENGTH} + 9 = 263 characters, "Bank account ending in 3000
	 * (holder, town)" at most 32 + 100 + 100 = 232, and a card's ("American Express
	 * ending in 0005, expires 12/30") 46. Orders copy the label, in a column of the same
	 * length.
	 */
	public static final int LABEL_LENGTH = 300;

	/**
	 * The payment provider's tokens are short ({@code tok_paypal_} and a UUID: 47
	 * characters).
	 */
	private static final int TOKEN_LENGTH = 100;

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
	@Column(nullable = false, length = 20)
	private Type type;

	@Column(nullable = false, length = LABEL_LENGTH)
	private String label;

	@Column(nullable = false, length = TOKEN_LENGTH)
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
