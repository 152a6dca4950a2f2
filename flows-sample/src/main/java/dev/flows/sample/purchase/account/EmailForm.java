package dev.flows.sample.purchase.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;

/** The form of {@link EnterEmail}. */
public class EmailForm {

	@NotBlank(message = "Enter your email address")
	@Email(message = "Enter an email address like name@example.com")
	private String email;

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

}
