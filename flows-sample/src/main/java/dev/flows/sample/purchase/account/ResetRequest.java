package dev.flows.sample.purchase.account;

import java.time.Instant;

/**
 * A password reset in progress, in the task state under {@code "reset"}. The state lives
 * on the server (in the task store), but the code is still kept only as a hash.
 *
 * @param email the address the customer gave
 * @param codeHash the BCrypt hash of the mailed code, or {@code null} when no account
 * uses the address (nothing was sent, and no code will match)
 * @param expiresAt when the code stops working
 */
public record ResetRequest(String email, String codeHash, Instant expiresAt) {
}
