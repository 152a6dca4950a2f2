package dev.flows.sample.purchase.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The form of {@link ResetPassword}. */
public class NewPasswordForm {

	@NotBlank(message = "Choose a new password")
	@Size(min = 8, max = 100, message = "Choose a password of 8 to 100 characters")
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
