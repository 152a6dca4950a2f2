package dev.flows.definition;

import java.util.List;

import dev.flows.engine.purchase.BankAccount;
import dev.flows.engine.purchase.ConfirmItem;
import dev.flows.engine.purchase.CreditCard;
import dev.flows.engine.purchase.ForgotPassword;
import dev.flows.engine.purchase.LoginOrRegister;
import dev.flows.engine.purchase.NewPaymentMethod;
import dev.flows.engine.purchase.PayPal;
import dev.flows.engine.purchase.Purchase;
import dev.flows.engine.purchase.Register;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FlowDefinitionTest {

	private final FlowDefinition purchase = FlowBuilder.fromAnnotatedClass(Purchase.class).build();

	@Test
	void nodesAreFoundByPosition() {
		assertThat(this.purchase.node(Position.ROOT)).containsSame(this.purchase.root());
		assertThat(this.purchase.node(Position.parse("get-user-account/register"))).get()
			.isInstanceOf(ActionDefinition.class)
			.extracting(NodeDefinition::type)
			.isEqualTo(Register.class);
		assertThat(this.purchase.node(Position.parse("get-user-account/nothing"))).isEmpty();
	}

	@Test
	void actionIsEmptyForAScaffoldAndScaffoldFailsForAnAction() {
		assertThat(this.purchase.action(Position.parse("choose-payment"))).isEmpty();
		assertThat(this.purchase.action(Position.parse("no/such"))).isEmpty();
		assertThat(this.purchase.scaffold(Position.parse("choose-payment")).type()).isNotNull();
		assertThatIllegalArgumentException().isThrownBy(() -> this.purchase.scaffold(Position.parse("confirm-item")))
			.withMessageContaining("'purchase'")
			.withMessageContaining("'confirm-item'");
	}

	@Test
	void positionsOfListsEveryPlaceAClassIsUsed() {
		assertThat(this.purchase.positionsOf(BankAccount.class)).extracting(Position::toString)
			.containsExactly("choose-payment/new-payment-method/bank-account");
		assertThat(this.purchase.positionsOf(String.class)).isEmpty();
	}

	@Test
	void aGoToTargetResolvesToTheChildOfTheNearestEnclosingScaffold() {
		Position resetPassword = Position.parse("get-user-account/forgot-password/reset-password");
		Position login = Position.parse("get-user-account/login-or-register");

		assertThat(this.purchase.resolveTarget(resetPassword, LoginOrRegister.class)).contains(login);
		assertThat(this.purchase.resolveTarget(login, ForgotPassword.class))
			.contains(Position.parse("get-user-account/forgot-password"));
		assertThat(this.purchase.resolveTarget(resetPassword, ConfirmItem.class))
			.contains(Position.parse("confirm-item"));
		assertThat(this.purchase.resolveTarget(login, CreditCard.class)).as("inside a sibling scaffold").isEmpty();
		assertThat(this.purchase.resolveTarget(Position.ROOT, ConfirmItem.class)).isEmpty();
	}

	@Test
	void aViewCompletionIsNotARedirect() {
		assertThat(this.purchase.onComplete()).isEqualTo("purchase/thanks");
		assertThat(this.purchase.completesWithRedirect()).isFalse();

		FlowDefinition redirecting = FlowBuilder.fromAnnotatedClass(Purchase.class)
			.onComplete("redirect:/orders")
			.build();
		assertThat(redirecting.completesWithRedirect()).isTrue();
		assertThat(redirecting.completionRedirectPath()).isEqualTo("/orders");
	}

	@Test
	void scaffoldsFindChildrenByNameAndByClass() {
		ScaffoldDefinition methods = this.purchase.scaffold(Position.parse("choose-payment/new-payment-method"));

		assertThat(methods.type()).isEqualTo(NewPaymentMethod.class);
		assertThat(methods.child("paypal")).get().extracting(NodeDefinition::type).isEqualTo(PayPal.class);
		assertThat(methods.child("pay-pal")).isEmpty();
		assertThat(methods.child(BankAccount.class).name()).isEqualTo("bank-account");
		assertThatIllegalArgumentException().isThrownBy(() -> methods.child(ConfirmItem.class))
			.withMessageContaining("'new-payment-method'")
			.withMessageContaining(ConfirmItem.class.getName());
		assertThat(methods.childAfter(methods.child(CreditCard.class))).containsSame(methods.child(BankAccount.class));
		assertThat(methods.childAfter(methods.child(PayPal.class))).isEmpty();
	}

	@Test
	void isMatchesTheDeclaringClassAndItsSupertypes() {
		NodeDefinition paypal = this.purchase.node(Position.parse("choose-payment/new-payment-method/paypal"))
			.orElseThrow();

		assertThat(paypal.is(PayPal.class)).isTrue();
		assertThat(paypal.is(Object.class)).isTrue();
		assertThat(paypal.is(CreditCard.class)).isFalse();
	}

	@Test
	void definitionsCannotBeChanged() {
		ActionDefinition login = this.purchase.action(Position.parse("get-user-account/login-or-register"))
			.orElseThrow();

		assertThat(this.purchase.root().children()).isUnmodifiable();
		assertThat(this.purchase.positions()).isUnmodifiable();
		assertThat(login.targets()).isUnmodifiable();
		assertThat(login.preconditions()).isUnmodifiable();
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> login.ownedStateKeys().add("password"));
	}

	@Test
	void definitionsDescribeThemselves() {
		assertThat(this.purchase).hasToString("flow 'purchase' at /buy");
		assertThat(this.purchase.scaffold(Position.parse("get-user-account")))
			.hasToString("scaffold 'get-user-account' (dev.flows.engine.purchase.GetUserAccount)");
		assertThat(this.purchase.action(Position.parse("confirm-item")).orElseThrow())
			.hasToString("action 'confirm-item' (dev.flows.engine.purchase.ConfirmItem)");
		assertThat(LinearTransition.INSTANCE).hasToString("linear");
		assertThat(ExplicitTransition.INSTANCE).hasToString("explicit");
	}

	@Test
	void theRegistryFindsFlowsByIdAndByPath() {
		FlowDefinition refund = FlowBuilder.flow("refund", "/refund").action(ConfirmItem.class).build();

		FlowRegistry registry = new FlowRegistry(List.of(this.purchase, refund));

		assertThat(registry.byId("purchase")).containsSame(this.purchase);
		assertThat(registry.byPath("/refund")).containsSame(refund);
		assertThat(registry.byId("/buy")).isEmpty();
		assertThat(registry.byPath("/buy/")).isEmpty();
		assertThat(registry.flows()).containsExactly(this.purchase, refund);
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> registry.flows().clear());
	}

}
