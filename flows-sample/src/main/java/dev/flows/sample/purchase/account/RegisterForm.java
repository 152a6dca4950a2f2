package dev.flows.sample.purchase.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The form of {@link Register}. */
public class RegisterForm {

	@NotBlank(message = "Enter your name")
	@Size(max = 80, message = "Keep your name under 80 characters")
	private String name;

	@NotBlank(message = "Enter your email address")
	@Email(message = "Enter an email address like name@example.com")
	@Size(max = 200, message = "Keep your email address under 200 characters")
	private String email;

	@NotBlank(message = "Choose a password")
	@Size(min = 8, max = 100, message = "Choose a password of 8 to 100 characters")
	private String password;

	@NotBlank(message = "Enter the password again")
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
