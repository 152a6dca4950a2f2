package dev.flows.sample.purchase.payment;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.flows.sample.account.Account;
import dev.flows.sample.account.PaymentMethod;

/**
 * The form of {@link PayPal}. The address becomes the payment method's label, "PayPal
 * (address)": bounded like any email address, it fits {@link PaymentMethod#LABEL_LENGTH}.
 */
public class PayPalForm {

	@NotBlank(message = "Enter the email address of your PayPal account")
	@Email(message = "Enter an email address like name@example.com")
	@Size(max = Account.EMAIL_LENGTH, message = "An email address has at most {max} characters")
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
