package dev.flows.sample.purchase.payment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.hibernate.validator.constraints.CreditCardNumber;

/**
 * The form of {@link CreditCard}, which keeps it in the task ({@code @FlowAction(form)})
 * as JSON. The card number and the security code are {@code @JsonIgnore}: bound from the
 * request and checked like the other fields, but never written into the task state, so
 * they are not shown again either.
 */
public class CardForm {

	@NotBlank(message = "Enter the name on the card")
	@Size(max = 100, message = "Keep the name to {max} characters or fewer")
	private String holder;

	@NotBlank(message = "Enter the card number")
	@CreditCardNumber(ignoreNonDigitCharacters = true, message = "This is not a valid card number")
	@JsonIgnore
	private String number;

	@NotBlank(message = "Enter the expiry date")
	@Pattern(regexp = "\\s*(0[1-9]|1[0-2])\\s*/\\s*[0-9]{2}\\s*", message = "Enter the expiry date as MM/YY")
	private String expiry;

	@NotBlank(message = "Enter the security code")
	@Pattern(regexp = "\\s*[0-9]{3,4}\\s*", message = "The security code has 3 or 4 digits")
	@JsonIgnore
	private String securityCode;

	private boolean saveForLater;

	public String getHolder() {
		return this.holder;
	}

	public void setHolder(String holder) {
		this.holder = holder;
	}

	public String getNumber() {
		return this.number;
	}

	public void setNumber(String number) {
		this.number = number;
	}

	public String getExpiry() {
		return this.expiry;
	}

	public void setExpiry(String expiry) {
		this.expiry = expiry;
	}

	public String getSecurityCode() {
		return this.securityCode;
	}

	public void setSecurityCode(String securityCode) {
		this.securityCode = securityCode;
	}

	public boolean isSaveForLater() {
		return this.saveForLater;
	}

	public void setSaveForLater(boolean saveForLater) {
		this.saveForLater = saveForLater;
	}

}
