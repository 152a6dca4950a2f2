package dev.flows.engine;

import java.security.Principal;
import java.time.Instant;
import java.util.List;

import dev.flows.definition.FlowAction;
import dev.flows.definition.FlowBuilder;
import dev.flows.definition.FlowContext;
import dev.flows.definition.FlowDefinition;
import dev.flows.definition.FlowRegistry;
import dev.flows.definition.OnGet;
import dev.flows.definition.Outcome;
import dev.flows.definition.Position;
import dev.flows.definition.Precondition;
import dev.flows.definition.PreconditionResult;
import dev.flows.definition.PreconditionResult.Kind;
import dev.flows.definition.Preconditions;
import dev.flows.definition.RequiresLogin;
import dev.flows.definition.RequiresState;
import dev.flows.engine.purchase.ConfirmItem;
import dev.flows.engine.purchase.Purchase;
import dev.flows.state.TaskStateCodec;
import dev.flows.store.memory.InMemoryTaskStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class PreconditionCheckTest {

	private static final Principal ALICE = () -> "alice";

	private final TaskStateCodec codec = TaskStateCodec.withDefaults();

	private final FlowDefinition purchase = FlowBuilder.fromAnnotatedClass(Purchase.class).build();

	private final FlowDefinition vault = FlowBuilder.flow("vault", "/vault")
		.action(Open.class)
		.scaffold("inside", (inside) -> inside.precondition(new Closed()).action(Look.class))
		.action(Guarded.class)
		.action(Audited.class, (audited) -> audited.precondition((context) -> PreconditionResult.forbidden("third")))
		.build();

	private final FlowEngine engine = new FlowEngine(new FlowRegistry(List.of(this.purchase, this.vault)),
			new InMemoryTaskStore(), this.codec, List.of(), new MutableClock(Instant.EPOCH), TaskTimeouts.DEFAULTS);

	@Test
	void requiresLoginAsksAnAnonymousUserToSignIn() {
		PreconditionResult result = check(this.purchase, "choose-payment/use-saved-method", null, "item");

		assertThat(result.kind()).isEqualTo(Kind.LOGIN_REQUIRED);
		assertThat(result.allowsServing()).isFalse();
		assertThat(result.message()).isNotBlank();
	}

	@Test
	void requiresLoginLetsASignedInUserThrough() {
		PreconditionResult result = check(this.purchase, "choose-payment/use-saved-method", ALICE, "item");

		assertThat(result.kind()).isEqualTo(Kind.PASS);
	}

	@Test
	void requiresLoginOnAScaffoldGuardsEveryStepInside() {
		assertThat(check(this.purchase, "choose-payment/new-payment-method/bank-account/account-address", null).kind())
			.isEqualTo(Kind.LOGIN_REQUIRED);
		assertThat(check(this.purchase, "confirm-item", null).kind()).isEqualTo(Kind.PASS);
	}

	@Test
	void requiresStateWithOtherwiseSendsTheUserToTheStepThatSetsIt() {
		PreconditionResult result = check(this.purchase, "confirm-and-pay", ALICE);

		assertThat(result.kind()).isEqualTo(Kind.REDIRECT);
		assertThat(result.target()).isEqualTo(ConfirmItem.class);
		assertThat(check(this.purchase, "confirm-and-pay", ALICE, "item").kind()).isEqualTo(Kind.PASS);
	}

	@Test
	void requiresStateWithoutOtherwiseAnswersNotFoundNamingTheKey() {
		PreconditionResult result = check(this.vault, "guarded", ALICE);

		assertThat(result.kind()).isEqualTo(Kind.NOT_FOUND);
		assertThat(result.message()).contains("'combination'");
		assertThat(check(this.vault, "guarded", ALICE, "combination", "gold").kind()).isEqualTo(Kind.PASS);
	}

	@Test
	void loginIsAskedForBeforeMissingStateIsReported() {
		assertThat(check(this.vault, "guarded", null).kind()).isEqualTo(Kind.LOGIN_REQUIRED);
	}

	@Test
	void everyRequiredKeyMustBePresent() {
		assertThat(check(this.vault, "guarded", ALICE, "combination").kind()).isEqualTo(Kind.NOT_FOUND);
	}

	@Test
	void aCustomPreconditionCanRefuse() {
		PreconditionResult result = check(this.vault, "inside/look", ALICE);

		assertThat(result.kind()).isEqualTo(Kind.FORBIDDEN);
		assertThat(result.message()).isEqualTo("The vault is closed");
		assertThat(check(this.vault, "inside/look", ALICE, "open").kind()).isEqualTo(Kind.PASS);
	}

	@Test
	void enclosingScaffoldsAreCheckedBeforeTheStep() {
		// Look itself requires login; the closed vault around it answers first.
		assertThat(check(this.vault, "inside/look", null).kind()).isEqualTo(Kind.FORBIDDEN);
		assertThat(check(this.vault, "inside/look", null, "open").kind()).isEqualTo(Kind.LOGIN_REQUIRED);
	}

	@Test
	void annotatedPreconditionsRunBeforeThoseAddedInCode() {
		// Audited is annotated with a precondition answering "first"; the builder added
		// one answering "third".
		PreconditionResult result = check(this.vault, "audited", ALICE);

		assertThat(result.message()).isEqualTo("first");
		assertThat(this.vault.action(Position.parse("audited")).orElseThrow().preconditions()).hasSize(2);
	}

	@Test
	void aSkippingPreconditionAllowsServing() {
		// A signed-in user skips GetUserAccount when moving through the flow, but may
		// still be shown it.
		assertThat(check(this.purchase, "get-user-account/login-or-register", ALICE).allowsServing()).isTrue();
		assertThat(check(this.purchase, "get-user-account/login-or-register", null).allowsServing()).isTrue();
	}

	@Test
	void aRedirectingPreconditionDoesNotStopTheFlowFromEnteringTheStep() {
		Task task = this.engine.newTask(this.purchase, "", ALICE);
		this.engine.apply(task, Position.parse("confirm-item"), Outcome.complete(), ALICE);
		this.engine.apply(task, Position.parse("choose-payment/new-payment-method/credit-card"), Outcome.complete(),
				ALICE);

		assertThat(task.position()).hasToString("confirm-and-pay");
		assertThat(this.engine.checkPreconditions(this.engine.context(task, ALICE), task.position()).kind())
			.isEqualTo(Kind.REDIRECT);
	}

	@Test
	void theContextCarriesTheTaskIdOnlyOnceTheTaskIsStored() {
		Task task = this.engine.newTask(this.purchase, "", ALICE);

		FlowContext before = this.engine.context(task, ALICE);
		this.engine.save(task);
		FlowContext after = this.engine.context(task, null);

		assertThat(before.taskId()).isEmpty();
		assertThat(before.principal()).contains(ALICE);
		assertThat(before.isAuthenticated()).isTrue();
		assertThat(after.taskId()).contains(task.id());
		assertThat(after.isAuthenticated()).isFalse();
		assertThat(after.state()).isSameAs(task.state());
		assertThat(after.flow()).isSameAs(this.purchase);
	}

	@Test
	void aStepWhosePreconditionsCannotPassAnswersNotFoundAndLogsWhy(CapturedOutput output) {
		Task task = this.engine.newTask(this.vault, "", ALICE);
		this.engine.apply(task, Position.parse("open"), Outcome.complete(), ALICE);
		task.state().put("open", true);
		this.engine.apply(task, Position.parse("inside/look"), Outcome.complete(), ALICE);
		this.engine.save(task);
		TaskBinding sameBrowser = new TaskBinding() {

			@Override
			public String bind() {
				return "";
			}

			@Override
			public boolean matches(String binding) {
				return binding.isEmpty();
			}

		};

		StepEntry entry = this.engine.enter(new StepRequest(this.vault, StepRequest.Kind.RENDER,
				Position.parse("guarded"), task.id(), null, ALICE, sameBrowser));

		assertThat(entry).isInstanceOfSatisfying(StepEntry.Refused.class,
				(refused) -> assertThat(refused.reason()).isEqualTo(StepEntry.Refused.Reason.NOT_FOUND));
		assertThat(output).contains("Answering 'not found' for step 'guarded' of").contains("'combination'");
	}

	private PreconditionResult check(FlowDefinition flow, String position, Principal principal, String... keys) {
		var state = this.codec.newState();
		for (String key : keys) {
			state.put(key, true);
		}
		return this.engine.checkPreconditions(new FlowContext(flow, null, state, principal), Position.parse(position));
	}

	@FlowAction
	static class Open {

		@OnGet
		String show() {
			return "open";
		}

	}

	@FlowAction
	@RequiresLogin
	static class Look {

		@OnGet
		String show() {
			return "look";
		}

	}

	@FlowAction
	@RequiresState({ "combination", "gold" })
	@RequiresLogin
	static class Guarded {

		@OnGet
		String show() {
			return "guarded";
		}

	}

	@FlowAction
	@Preconditions(First.class)
	static class Audited {

		@OnGet
		String show() {
			return "audited";
		}

	}

	static class First implements Precondition {

		@Override
		public PreconditionResult check(FlowContext context) {
			return PreconditionResult.forbidden("first");
		}

	}

	static class Closed implements Precondition {

		@Override
		public PreconditionResult check(FlowContext context) {
			return context.state().contains("open") ? PreconditionResult.pass()
					: PreconditionResult.forbidden("The vault is closed");
		}

	}

}
