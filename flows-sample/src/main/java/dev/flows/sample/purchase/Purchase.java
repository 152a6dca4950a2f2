package dev.flows.sample.purchase;

import dev.flows.definition.Flow;
import dev.flows.sample.purchase.account.GetUserAccount;
import dev.flows.sample.purchase.payment.ChoosePayment;

/**
 * The purchase flow, mounted at {@code /buy}. Its whole tree, one class per node:
 *
 * <pre>
 * Purchase (linear)                      /buy
 * +-- ConfirmItem                        /buy/item                  "Do you want to buy this?"
 * +-- GetUserAccount (explicit)          /buy/account/...           "Tell us who you are" (skipped when signed in)
 * |   +-- LoginOrRegister                /buy/account/login         goes to Register or ForgotPassword
 * |   +-- Register                       /buy/account/register
 * |   +-- ForgotPassword (linear)        /buy/account/forgot-password/...
 * |       +-- EnterEmail                 .../email
 * |       +-- EnterCode                  .../code
 * |       +-- ResetPassword              .../new-password           then back to LoginOrRegister
 * +-- ChoosePayment (custom)             /buy/payment/...           "Tell us how you want to pay" (@RequiresLogin)
 * |   +-- UseSavedMethod                 /buy/payment/saved         only offered when the account has one
 * |   +-- NewPaymentMethod (custom)      /buy/payment/new/...
 * |       +-- ChoosePaymentType          .../type                   card, bank account or PayPal?
 * |       +-- CreditCard                 .../card
 * |       +-- BankAccount (linear)       .../bank/...
 * |       |   +-- BankDetails            .../bank/details
 * |       |   +-- AccountAddress         .../bank/address
 * |       +-- PayPal                     .../paypal
 * +-- ConfirmAndPay                      /buy/confirm               places the order (@RequiresLogin)
 * </pre>
 *
 * Cancel leads to {@code /cancelled}; completion renders the {@code purchase/thanks} view
 * with the task's final state (the receipt {@link ConfirmAndPay} put there).
 */
@Flow(path = "/buy", title = "Checkout",
		children = { ConfirmItem.class, GetUserAccount.class, ChoosePayment.class, ConfirmAndPay.class },
		cancelUrl = "/cancelled", onComplete = "purchase/thanks")
public class Purchase {

}
