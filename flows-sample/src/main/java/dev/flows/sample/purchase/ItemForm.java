package dev.flows.sample.purchase;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The form of {@link ConfirmItem}. */
public class ItemForm {

	@NotNull(message = "Choose what you would like to buy")
	private Long productId;

	@NotNull(message = "Enter how many you want")
	@Min(value = 1, message = "You can buy 1 to 10 at a time")
	@Max(value = 10, message = "You can buy 1 to 10 at a time")
	private Integer quantity = 1;

	public Long getProductId() {
		return this.productId;
	}

	public void setProductId(Long productId) {
		this.productId = productId;
	}

	public Integer getQuantity() {
		return this.quantity;
	}

	public void setQuantity(Integer quantity) {
		this.quantity = quantity;
	}

}
