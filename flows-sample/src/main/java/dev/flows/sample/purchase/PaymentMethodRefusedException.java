package dev.flows.sample.purchase;

/**
 * {@link Checkout} refused to place an order: the saved payment method it was to be paid
 * with is not one of the payer's. Saved by another account (someone else signed in, in
 * the same browser, after it was chosen), or removed since. Nothing was placed or saved.
 */
public class PaymentMethodRefusedException extends RuntimeException {

	PaymentMethodRefusedException(long methodId, String payer) {
		super("Saved payment method " + methodId + " is not one of " + payer + "'s");
	}

}
