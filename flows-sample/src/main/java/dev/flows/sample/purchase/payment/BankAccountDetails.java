package dev.flows.sample.purchase.payment;

/**
 * What {@link BankDetails} keeps in the task state under {@code "bankAccount"} for
 * {@link AccountAddress}: the holder, the last digits of the IBAN and the gateway's
 * token.
 */
public record BankAccountDetails(String holder, String ibanEnding, String token) {
}
