package dev.flows.sample.purchase.payment;

import jakarta.validation.constraints.NotNull;

import dev.flows.sample.account.PaymentMethod;

/** The form of {@link ChoosePaymentType}. */
public class PaymentTypeForm {

	@NotNull(message = "Choose how you would like to pay")
	private PaymentMethod.Type type;

	public PaymentMethod.Type getType() {
		return this.type;
	}

	public void setType(PaymentMethod.Type type) {
		this.type = type;
	}

}
