package dev.flows.sample.purchase.payment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The form of {@link BankDetails}. */
public class BankDetailsForm {

	@NotBlank(message = "Enter the account holder's name")
	@Size(max = 100, message = "Keep the name under 100 characters")
	private String holder;

	@NotBlank(message = "Enter the IBAN")
	@Iban
	private String iban;

	public String getHolder() {
		return this.holder;
	}

	public void setHolder(String holder) {
		this.holder = holder;
	}

	public String getIban() {
		return this.iban;
	}

	public void setIban(String iban) {
		this.iban = iban;
	}

}
