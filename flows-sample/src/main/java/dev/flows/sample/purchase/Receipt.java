package dev.flows.sample.purchase;

/**
 * What the order confirmation page shows, put in the task state by {@link ConfirmAndPay}
 * under {@code "receipt"}. The completion view gets the final state as {@code state}:
 * {@code ${state.receipt.orderNumber}}.
 */
public record Receipt(long orderId, String orderNumber, String productName, int quantity, String total,
		String paymentLabel, String email) {
}
