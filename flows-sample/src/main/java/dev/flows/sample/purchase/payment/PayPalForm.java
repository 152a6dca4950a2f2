package dev.flows.sample.purchase.payment;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;

/** The form of {@link PayPal}. */
public class PayPalForm {

	@NotBlank(message = "Enter the email address of your PayPal account")
	@Email(message = "Enter an email address like name@example.com")
	private String email;

	private boolean saveForLater;

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public boolean isSaveForLater() {
		return this.saveForLater;
	}

	public void setSaveForLater(boolean saveForLater) {
		this.saveForLater = saveForLater;
	}

}
