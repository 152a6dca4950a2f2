package dev.flows.sample.purchase.payment;

import jakarta.validation.constraints.NotNull;

/** The form of {@link UseSavedMethod}. */
public class SavedMethodForm {

	@NotNull(message = "Choose one of your payment methods")
	private Long methodId;

	public Long getMethodId() {
		return this.methodId;
	}

	public void setMethodId(Long methodId) {
		this.methodId = methodId;
	}

}
