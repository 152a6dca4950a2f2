package dev.flows.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.flows.engine.purchase.AccountAddress;
import dev.flows.engine.purchase.BankAccount;
import dev.flows.engine.purchase.BankDetails;
import dev.flows.engine.purchase.ChoosePaymentTransition;
import dev.flows.engine.purchase.ConfirmAndPay;
import dev.flows.engine.purchase.ConfirmItem;
import dev.flows.engine.purchase.EnterCode;
import dev.flows.engine.purchase.EnterEmail;
import dev.flows.engine.purchase.ForgotPassword;
import dev.flows.engine.purchase.LoginOrRegister;
import dev.flows.engine.purchase.NewPaymentMethod;
import dev.flows.engine.purchase.PaymentTypeTransition;
import dev.flows.engine.purchase.Purchase;
import dev.flows.engine.purchase.Register;
import dev.flows.engine.purchase.SkipWhenAuthenticated;
import dev.flows.engine.purchase.UseSavedMethod;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

class FlowBuilderTest {

	private final FlowDefinition annotated = FlowBuilder.fromAnnotatedClass(Purchase.class).build();

	@Test
	void theBuilderAndTheAnnotationsProduceTheSameModel() {
		FlowDefinition coded = FlowBuilder.flow("purchase", "/buy")
			.title("Buy something")
			.cancelUrl("/shop")
			.onComplete("purchase/thanks")
			.action(ConfirmItem.class)
			.scaffold("get-user-account",
					(account) -> account.title("Tell us who you are")
						.transition(ExplicitTransition.INSTANCE)
						.precondition(new SkipWhenAuthenticated())
						.action(LoginOrRegister.class)
						.action(Register.class)
						// A goTo target must have a class: LoginOrRegister names
						// ForgotPassword.
						.scaffold(ForgotPassword.class))
			.scaffold("choose-payment",
					(payment) -> payment.title("Tell us how you want to pay")
						.transition(new ChoosePaymentTransition())
						.precondition(LoginRequiredPrecondition.INSTANCE)
						.action(UseSavedMethod.class)
						.scaffold(NewPaymentMethod.class))
			.action(ConfirmAndPay.class)
			.build();

		assertThat(coded.id()).isEqualTo(this.annotated.id()).isEqualTo("purchase");
		assertThat(coded.path()).isEqualTo(this.annotated.path()).isEqualTo("/buy");
		assertThat(coded.title()).isEqualTo(this.annotated.title()).isEqualTo("Buy something");
		assertThat(coded.cancelUrl()).isEqualTo(this.annotated.cancelUrl()).isEqualTo("/shop");
		assertThat(coded.onComplete()).isEqualTo(this.annotated.onComplete()).isEqualTo("purchase/thanks");
		assertThat(describe(coded)).isEqualTo(describe(this.annotated)).hasSize(18);
		assertThat(coded.type()).isNull();
		assertThat(this.annotated.type()).isEqualTo(Purchase.class);
	}

	@Test
	void aScaffoldBuiltInCodeEqualsItsAnnotatedClass() {
		FlowDefinition coded = FlowBuilder.flow("bank", "/bank")
			.scaffold("bank-account",
					(bank) -> bank.title("Bank account")
						.transition(LinearTransition.INSTANCE)
						.action(BankDetails.class)
						.action(AccountAddress.class))
			.build();
		FlowDefinition annotatedScaffold = FlowBuilder.flow("bank", "/bank").scaffold(BankAccount.class).build();

		assertThat(describe(coded)).isEqualTo(describe(annotatedScaffold)).hasSize(4);
		assertThat(annotatedScaffold.scaffold(Position.of("bank-account")).type()).isEqualTo(BankAccount.class);
	}

	@Test
	void aScaffoldBuiltInCodeHasNoClassSoItCannotBeAGoToTarget() {
		FlowDefinition coded = FlowBuilder.flow("forgot", "/forgot")
			.action(EnterEmail.class)
			.scaffold("box", (box) -> box.action(EnterCode.class))
			.build();

		assertThat(coded.scaffold(Position.of("box")).type()).isNull();
		assertThat(coded.positionsOf(ForgotPassword.class)).isEmpty();
	}

	@Test
	void namesAreTheClassNamesInKebabCaseUnlessDeclared() {
		assertThat(this.annotated.positions()).extracting(Position::toString)
			.containsExactly("", "confirm-item", "get-user-account", "get-user-account/login-or-register",
					"get-user-account/register", "get-user-account/forgot-password",
					"get-user-account/forgot-password/enter-email", "get-user-account/forgot-password/enter-code",
					"get-user-account/forgot-password/reset-password", "choose-payment",
					"choose-payment/use-saved-method", "choose-payment/new-payment-method",
					"choose-payment/new-payment-method/credit-card", "choose-payment/new-payment-method/bank-account",
					"choose-payment/new-payment-method/bank-account/bank-details",
					"choose-payment/new-payment-method/bank-account/account-address",
					"choose-payment/new-payment-method/paypal", "confirm-and-pay");
	}

	@Test
	void titlesAreTheClassNamesInWordsUnlessDeclared() {
		assertThat(title("get-user-account/login-or-register")).isEqualTo("Login or register");
		assertThat(title("get-user-account/forgot-password")).isEqualTo("Forgot password");
		assertThat(title("confirm-and-pay")).isEqualTo("Confirm and pay");
		assertThat(title("get-user-account")).isEqualTo("Tell us who you are");
		assertThat(title("confirm-item")).isEqualTo("Do you want to buy this?");
		assertThat(title("choose-payment/new-payment-method/paypal")).isEqualTo("PayPal");
		assertThat(this.annotated.title()).isEqualTo("Buy something");
		assertThat(this.annotated.root().title()).isEqualTo("Buy something");
		assertThat(FlowBuilder.fromAnnotatedClass(Untitled.class).build().title()).isEqualTo("Untitled");
	}

	@Test
	void childrenKeepTheirDeclarationOrder() {
		assertThat(this.annotated.root().children()).extracting(NodeDefinition::name)
			.containsExactly("confirm-item", "get-user-account", "choose-payment", "confirm-and-pay");
		assertThat(this.annotated.scaffold(Position.of("get-user-account")).children()).extracting(NodeDefinition::type)
			.containsExactly(LoginOrRegister.class, Register.class, ForgotPassword.class);
	}

	@Test
	void actionMetadataIsReadFromFlowAction() {
		ActionDefinition confirmItem = action("confirm-item");
		assertThat(confirmItem.type()).isEqualTo(ConfirmItem.class);
		assertThat(confirmItem.submitLabel()).isEqualTo("Buy");
		assertThat(confirmItem.showBack()).isFalse();
		assertThat(confirmItem.showCancel()).isTrue();
		assertThat(confirmItem.skippable()).isFalse();
		assertThat(confirmItem.ownedStateKeys()).containsExactly("item");
		assertThat(confirmItem.view()).isEmpty();
		assertThat(confirmItem.getHandler().getName()).isEqualTo("show");
		assertThat(confirmItem.postHandler()).isNull();

		ActionDefinition login = action("get-user-account/login-or-register");
		assertThat(login.targets()).containsExactly(Register.class, ForgotPassword.class);
		assertThat(login.mayGoTo(ForgotPassword.class)).isTrue();
		assertThat(login.mayGoTo(ConfirmAndPay.class)).isFalse();
		assertThat(login.ownedStateKeys()).containsExactlyInAnyOrder("username", "savedMethod");
		assertThat(login.postHandler().getName()).isEqualTo("login");
		assertThat(login.submitLabel()).isEqualTo("Log in");

		ActionDefinition pay = action("confirm-and-pay");
		assertThat(pay.showCancel()).isFalse();
		assertThat(pay.showBack()).isTrue();
		assertThat(pay.submitLabel()).isEqualTo("Pay");

		ActionDefinition register = action("get-user-account/register");
		assertThat(register.submitLabel()).isEqualTo("Continue");
		assertThat(register.targets()).isEmpty();
	}

	@Test
	void transitionsAreReadFromTheAnnotations() {
		assertThat(this.annotated.root().transition()).isSameAs(LinearTransition.INSTANCE);
		assertThat(scaffold("get-user-account").transition()).isSameAs(ExplicitTransition.INSTANCE);
		assertThat(scaffold("get-user-account/forgot-password").transition()).isSameAs(LinearTransition.INSTANCE);
		assertThat(scaffold("choose-payment").transition()).isInstanceOf(ChoosePaymentTransition.class);
		assertThat(scaffold("choose-payment/new-payment-method").transition())
			.isInstanceOf(PaymentTypeTransition.class);
	}

	@Test
	void preconditionsAreReadFromTheAnnotations() {
		assertThat(scaffold("get-user-account").preconditions()).singleElement()
			.isInstanceOf(SkipWhenAuthenticated.class);
		assertThat(scaffold("choose-payment").preconditions()).containsExactly(LoginRequiredPrecondition.INSTANCE);
		assertThat(action("confirm-and-pay").preconditions()).singleElement()
			.isInstanceOfSatisfying(RequiredStatePrecondition.class, (required) -> {
				assertThat(required.keys()).containsExactly("item");
				assertThat(required.otherwise()).isEqualTo(ConfirmItem.class);
			});
		assertThat(action("confirm-item").preconditions()).isEmpty();
		assertThat(this.annotated.root().preconditions()).isEmpty();
	}

	@Test
	void loginComesBeforeStateAndStateBeforeCustomPreconditions() {
		FlowDefinition flow = FlowBuilder.flow("order", "/order").action(Guarded.class).build();

		assertThat(flow.action(Position.of("guarded")).orElseThrow().preconditions())
			.extracting((precondition) -> precondition.getClass().getSimpleName())
			.containsExactly("LoginRequiredPrecondition", "RequiredStatePrecondition", "AlwaysPass");
	}

	@Test
	void anActionDeclaredInCodeEqualsOneDeclaredByAnnotation() {
		FlowDefinition flow = FlowBuilder.flow("pair", "/pair")
			.action(Annotated.class)
			.action(Plain.class,
					(plain) -> plain.name("plain-step")
						.title("Pick a size")
						.view("shop/size")
						.submitLabel("Next")
						.showBack(false)
						.showCancel(false)
						.skippable(true)
						.owns("size", "colour")
						.targets(Annotated.class))
			.build();

		ActionDefinition fromAnnotation = flow.action(Position.of("annotated-step")).orElseThrow();
		ActionDefinition fromCode = flow.action(Position.of("plain-step")).orElseThrow();
		assertThat(describe(fromCode)).isEqualTo(describe(fromAnnotation).replace("annotated-step", "plain-step"));
		assertThat(fromCode.title()).isEqualTo("Pick a size");
		assertThat(fromCode.view()).isEqualTo("shop/size");
		assertThat(fromCode.skippable()).isTrue();
	}

	@Test
	void aCustomizerOverridesAndAddsToTheAnnotation() {
		FlowDefinition flow = FlowBuilder.flow("custom", "/custom")
			.action(ConfirmItem.class,
					(confirm) -> confirm.title("Sure?").submitLabel("Yes").showBack(true).owns("quantity"))
			.build();

		ActionDefinition confirm = flow.action(Position.of("confirm-item")).orElseThrow();
		assertThat(confirm.title()).isEqualTo("Sure?");
		assertThat(confirm.submitLabel()).isEqualTo("Yes");
		assertThat(confirm.showBack()).isTrue();
		assertThat(confirm.ownedStateKeys()).containsExactlyInAnyOrder("item", "quantity");
	}

	@Test
	void callsAfterFromAnnotatedClassAddToAndOverrideTheAnnotation() {
		FlowDefinition flow = FlowBuilder.fromAnnotatedClass(Purchase.class)
			.title("Checkout")
			.cancelUrl("/cart")
			.onComplete("redirect:/orders")
			.action(Plain.class)
			.precondition((context) -> PreconditionResult.pass())
			.build();

		assertThat(flow.title()).isEqualTo("Checkout");
		assertThat(flow.cancelUrl()).isEqualTo("/cart");
		assertThat(flow.completionRedirectPath()).isEqualTo("/orders");
		assertThat(flow.root().children()).extracting(NodeDefinition::name).endsWith("confirm-and-pay", "plain");
		assertThat(flow.root().preconditions()).hasSize(1);
	}

	@Test
	void flowsAndScaffoldsBuiltInCodeAreTitledAsClassesOfTheirNameWouldBe() {
		FlowDefinition flow = FlowBuilder.flow("gift-card", "/gift")
			.scaffold("get-user-account", (account) -> account.action(Plain.class))
			.build();

		assertThat(flow.title()).isEqualTo("Gift card");
		assertThat(flow.root().children().get(0).title()).isEqualTo("Get user account");
	}

	@Test
	void customTransitionsAndPreconditionsComeFromTheComponentResolver() {
		ChoosePaymentTransition transition = new ChoosePaymentTransition();
		List<Class<?>> resolved = new ArrayList<>();
		ComponentResolver resolver = new ComponentResolver() {
			@Override
			public <T> T resolve(Class<T> type) {
				resolved.add(type);
				return (type == ChoosePaymentTransition.class) ? type.cast(transition)
						: ComponentResolver.reflective().resolve(type);
			}
		};

		FlowDefinition flow = FlowBuilder.fromAnnotatedClass(Purchase.class).build(resolver);

		assertThat(flow.scaffold(Position.of("choose-payment")).transition()).isSameAs(transition);
		assertThat(resolved).containsExactlyInAnyOrder(SkipWhenAuthenticated.class, ChoosePaymentTransition.class,
				PaymentTypeTransition.class);
	}

	@Test
	void theRegistryReadsFlowBeansUsingBeansForTransitionsAndAddsFlowsBuiltInCode() {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			context.registerBean(Purchase.class);
			context.registerBean(ChoosePaymentTransition.class);
			context.refresh();
			ChoosePaymentTransition bean = context.getBean(ChoosePaymentTransition.class);

			FlowDefinition coded = FlowBuilder.flow("refund", "/refund").action(Plain.class).build();

			FlowRegistry registry = FlowRegistry.fromBeans(context.getBeanFactory(), List.of(coded));

			assertThat(registry.flows()).extracting(FlowDefinition::id).containsExactly("purchase", "refund");
			assertThat(registry.byId("refund")).containsSame(coded);
			FlowDefinition flow = registry.byPath("/buy").orElseThrow();
			assertThat(flow.scaffold(Position.of("choose-payment")).transition()).isSameAs(bean);
			assertThat(flow.scaffold(Position.of("choose-payment", "new-payment-method")).transition())
				.isInstanceOf(PaymentTypeTransition.class);
			assertThat(context.getBeanNamesForType(PaymentTypeTransition.class)).isEmpty();
		}
	}

	// --- support ---

	private String title(String position) {
		return this.annotated.node(Position.parse(position)).orElseThrow().title();
	}

	private ActionDefinition action(String position) {
		return this.annotated.action(Position.parse(position)).orElseThrow();
	}

	private ScaffoldDefinition scaffold(String position) {
		return this.annotated.scaffold(Position.parse(position));
	}

	/**
	 * Everything about each node except the class of code-built scaffolds, one line per
	 * node.
	 */
	private static List<String> describe(FlowDefinition flow) {
		return flow.positions().stream().map((position) -> {
			NodeDefinition node = flow.node(position).orElseThrow();
			String common = "'" + position + "' " + node.title() + " " + preconditions(node);
			if (node instanceof ScaffoldDefinition scaffold) {
				return common + " scaffold " + scaffold.transition().getClass().getSimpleName() + " "
						+ scaffold.children().stream().map(NodeDefinition::name).toList();
			}
			return common + " " + describe((ActionDefinition) node);
		}).toList();
	}

	private static String describe(ActionDefinition action) {
		return "action " + action.name() + " title=" + action.title() + " view=" + action.view() + " submit="
				+ action.submitLabel() + " back=" + action.showBack() + " cancel=" + action.showCancel() + " skip="
				+ action.skippable() + " owns=" + new TreeSet<>(action.ownedStateKeys()) + " targets="
				+ action.targets().stream().map(Class::getSimpleName).toList() + " get=" + action.getHandler().getName()
				+ " post=" + ((action.postHandler() != null) ? action.postHandler().getName() : null) + " "
				+ preconditions(action);
	}

	private static String preconditions(NodeDefinition node) {
		return node.preconditions().stream().map((precondition) -> {
			if (precondition instanceof RequiredStatePrecondition required) {
				return "state" + required.keys() + "->" + required.otherwise();
			}
			return precondition.getClass().getSimpleName();
		}).collect(Collectors.joining(",", "[", "]"));
	}

	@Flow(path = "/untitled", children = Annotated.class)
	static class Untitled {

	}

	@FlowAction(name = "annotated-step", title = "Pick a size", view = "shop/size", submitLabel = "Next",
			showBack = false, showCancel = false, skippable = true, owns = { "size", "colour" },
			targets = Annotated.class)
	static class Annotated {

		@OnGet
		void show() {
		}

	}

	static class Plain {

		@OnGet
		void show() {
		}

	}

	@FlowAction
	@Preconditions(AlwaysPass.class)
	@RequiresState("basket")
	@RequiresLogin
	static class Guarded {

		@OnGet
		void show() {
		}

	}

	static class AlwaysPass implements Precondition {

		@Override
		public PreconditionResult check(FlowContext context) {
			return PreconditionResult.pass();
		}

	}

}
