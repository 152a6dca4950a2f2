package dev.flows.sample.purchase.payment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The form of {@link AccountAddress}. The town is part of the payment method's label: see
 * {@link BankDetailsForm}.
 */
public class AddressForm {

	@NotBlank(message = "Enter the street and number")
	@Size(max = 200, message = "Keep the street to {max} characters or fewer")
	private String street;

	@NotBlank(message = "Enter the postcode")
	@Size(max = 12, message = "A postcode has at most {max} characters")
	private String postcode;

	@NotBlank(message = "Enter the town or city")
	@Size(max = 100, message = "Keep the town to {max} characters or fewer")
	private String city;

	@NotBlank(message = "Choose the country")
	private String country;

	private boolean saveForLater;

	public String getStreet() {
		return this.street;
	}

	public void setStreet(String street) {
		this.street = street;
	}

	public String getPostcode() {
		return this.postcode;
	}

	public void setPostcode(String postcode) {
		this.postcode = postcode;
	}

	public String getCity() {
		return this.city;
	}

	public void setCity(String city) {
		this.city = city;
	}

	public String getCountry() {
		return this.country;
	}

	public void setCountry(String country) {
		this.country = country;
	}

	public boolean isSaveForLater() {
		return this.saveForLater;
	}

	public void setSaveForLater(boolean saveForLater) {
		this.saveForLater = saveForLater;
	}

}
