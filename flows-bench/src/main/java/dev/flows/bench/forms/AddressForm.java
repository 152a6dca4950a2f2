package dev.flows.bench.forms;

import java.io.Serializable;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Step 2: where. */
public class AddressForm implements Serializable {

	private static final long serialVersionUID = 1L;

	@NotBlank
	@Size(max = 100)
	private String street;

	@NotBlank
	@Size(max = 50)
	private String city;

	@NotBlank
	@Pattern(regexp = "[0-9A-Za-z -]{3,10}")
	private String postcode;

	public String getStreet() {
		return this.street;
	}

	public void setStreet(String street) {
		this.street = street;
	}

	public String getCity() {
		return this.city;
	}

	public void setCity(String city) {
		this.city = city;
	}

	public String getPostcode() {
		return this.postcode;
	}

	public void setPostcode(String postcode) {
		this.postcode = postcode;
	}

}
