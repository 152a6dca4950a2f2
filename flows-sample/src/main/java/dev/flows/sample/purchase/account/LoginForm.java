package dev.flows.sample.purchase.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnore;

import dev.flows.sample.account.Account;

/**
 * The form of {@link LoginOrRegister}, which keeps it in the task
 * ({@code @FlowAction(form)}) as JSON: the password is {@code @JsonIgnore}, so it is
 * bound from the request and checked, but never written into the task state.
 */
public class LoginForm {

	@NotBlank(message = "Enter your email address")
	@Email(message = "Enter an email address like name@example.com")
	@Size(max = Account.EMAIL_LENGTH, message = "An email address has at most {max} characters")
	private String email;

	@NotBlank(message = "Enter your password")
	@JsonIgnore
	private String password;

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

}
