package dev.flows.sample.purchase.payment;

import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Stands in for a payment provider. A real shop sends card and bank details to the
 * provider (usually straight from the browser) and keeps only the token it gets back; so
 * does this one.
 */
@Component
public class PaymentGateway {

	public String tokenizeCard(String digits, String expiry) {
		return "tok_card_" + UUID.randomUUID();
	}

	public String tokenizeBankAccount(String holder, String iban) {
		return "tok_bank_" + UUID.randomUUID();
	}

	public String tokenizePayPal(String email) {
		return "tok_paypal_" + UUID.randomUUID();
	}

	/** The brand of a card number, from its first digits. */
	public String brand(String digits) {
		if (digits.startsWith("4")) {
			return "Visa";
		}
		if (digits.matches("5[1-5].*|2[2-7].*")) {
			return "Mastercard";
		}
		if (digits.matches("3[47].*")) {
			return "American Express";
		}
		return "Card";
	}

}
