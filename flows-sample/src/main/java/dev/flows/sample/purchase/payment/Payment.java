package dev.flows.sample.purchase.payment;

import dev.flows.sample.account.PaymentMethod;

/**
 * How the customer pays, in the task state under {@code "payment"}: written by whichever
 * step the customer took (saved method, card, bank account or PayPal) and read by
 * {@link dev.flows.sample.purchase.ConfirmAndPay}.
 *
 * @param type the kind of method
 * @param label what the customer sees, such as "Visa ending in 4242, expires 12/30"
 * @param token the payment provider's token; card numbers and IBANs never enter the state
 * @param savedMethodId the saved method used, or {@code null} for a new one
 * @param saveForLater whether to save a new method to the account when the order is
 * placed
 */
public record Payment(PaymentMethod.Type type, String label, String token, Long savedMethodId, boolean saveForLater) {

	static Payment saved(PaymentMethod method) {
		return new Payment(method.getType(), method.getLabel(), method.getToken(), method.getId(), false);
	}

	static Payment newMethod(PaymentMethod.Type type, String label, String token, boolean saveForLater) {
		return new Payment(type, label, token, null, saveForLater);
	}

}
