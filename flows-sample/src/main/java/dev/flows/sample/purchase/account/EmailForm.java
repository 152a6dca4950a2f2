package dev.flows.sample.purchase.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.flows.sample.account.Account;

/**
 * The form of {@link EnterEmail}. The address is kept in the task state, and compared
 * with accounts'.
 */
public class EmailForm {

	@NotBlank(message = "Enter your email address")
	@Email(message = "Enter an email address like name@example.com")
	@Size(max = Account.EMAIL_LENGTH, message = "An email address has at most {max} characters")
	private String email;

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

}
