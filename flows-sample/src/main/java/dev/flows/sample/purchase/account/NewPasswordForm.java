package dev.flows.sample.purchase.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.flows.sample.account.Accounts;
import dev.flows.sample.account.MaxBytes;

/**
 * The form of {@link ResetPassword}: the same rules as {@link RegisterForm}'s password.
 */
public class NewPasswordForm {

	@NotBlank(message = "Choose a new password")
	@Size(min = 8, message = "Choose a password of at least {min} characters")
	@MaxBytes(value = Accounts.MAX_PASSWORD_BYTES,
			message = "Choose a password of at most {value} characters (letters such as é count as two)")
	private String password;

	@NotBlank(message = "Enter the password again")
	private String confirmPassword;

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
