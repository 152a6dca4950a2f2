package dev.flows.sample.purchase.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** The form of {@link EnterCode}. */
public class CodeForm {

	@NotBlank(message = "Enter the code from the email")
	@Pattern(regexp = "\\s*[0-9]{6}\\s*", message = "The code has six digits")
	private String code;

	public String getCode() {
		return this.code;
	}

	public void setCode(String code) {
		this.code = code;
	}

}
