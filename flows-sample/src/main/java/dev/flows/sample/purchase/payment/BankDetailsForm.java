package dev.flows.sample.purchase.payment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnore;

import dev.flows.sample.account.PaymentMethod;

/**
 * The form of {@link BankDetails}. The holder's name is part of the payment method's
 * label, with the town of {@link AddressForm}: both are bounded so the label fits
 * {@link PaymentMethod#LABEL_LENGTH}.
 * <p>
 * {@link BankDetails} keeps this form in the task ({@code @FlowAction(form)}) as JSON:
 * the IBAN is {@code @JsonIgnore}, bound and checked but never written into the task
 * state.
 */
public class BankDetailsForm {

	@NotBlank(message = "Enter the account holder's name")
	@Size(max = 100, message = "Keep the name to {max} characters or fewer")
	private String holder;

	@NotBlank(message = "Enter the IBAN")
	@Iban
	@JsonIgnore
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
