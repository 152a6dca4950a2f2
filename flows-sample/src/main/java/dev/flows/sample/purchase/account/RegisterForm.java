package dev.flows.sample.purchase.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnore;

import dev.flows.sample.account.Account;
import dev.flows.sample.account.Accounts;
import dev.flows.sample.account.MaxBytes;

/**
 * The form of {@link Register}. The name and the email address are stored in
 * {@link Account}: their limits are its column lengths. The password is hashed, and
 * BCrypt takes at most 72 bytes.
 * <p>
 * {@link Register} keeps this form in the task ({@code @FlowAction(form)}), as JSON: the
 * passwords are {@code @JsonIgnore}, so they are bound and checked but never written into
 * the task state.
 */
public class RegisterForm {

	@NotBlank(message = "Enter your name")
	@Size(max = Account.NAME_LENGTH, message = "Keep your name to {max} characters or fewer")
	private String name;

	@NotBlank(message = "Enter your email address")
	@Email(message = "Enter an email address like name@example.com")
	@Size(max = Account.EMAIL_LENGTH, message = "An email address has at most {max} characters")
	private String email;

	@NotBlank(message = "Choose a password")
	@Size(min = 8, message = "Choose a password of at least {min} characters")
	@MaxBytes(value = Accounts.MAX_PASSWORD_BYTES,
			message = "Choose a password of at most {value} characters (letters such as é count as two)")
	@JsonIgnore
	private String password;

	@NotBlank(message = "Enter the password again")
	@JsonIgnore
	private String confirmPassword;

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

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

	public String getConfirmPassword() {
		return this.confirmPassword;
	}

	public void setConfirmPassword(String confirmPassword) {
		this.confirmPassword = confirmPassword;
	}

}
