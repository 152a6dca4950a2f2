package dev.flows.engine;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import dev.flows.definition.FlowBuilder;
import dev.flows.definition.FlowDefinition;
import dev.flows.definition.FlowRegistry;
import dev.flows.definition.Outcome;
import dev.flows.definition.Position;
import dev.flows.engine.purchase.ConfirmAndPay;
import dev.flows.engine.purchase.ForgotPassword;
import dev.flows.engine.purchase.LoginOrRegister;
import dev.flows.engine.purchase.Purchase;
import dev.flows.engine.purchase.Register;
import dev.flows.engine.purchase.ResetPassword;
import dev.flows.state.TaskState;
import dev.flows.state.TaskStateCodec;
import dev.flows.store.memory.InMemoryTaskStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Drives the purchase tree of DESIGN.md through every branch the way the web layer does:
 * one load, one outcome and one save per submitted step.
 */
class PurchaseFlowTest {

	static final String CONFIRM_ITEM = "confirm-item";

	static final String LOGIN = "get-user-account/login-or-register";

	static final String REGISTER = "get-user-account/register";

	static final String ENTER_EMAIL = "get-user-account/forgot-password/enter-email";

	static final String ENTER_CODE = "get-user-account/forgot-password/enter-code";

	static final String RESET_PASSWORD = "get-user-account/forgot-password/reset-password";

	static final String SAVED_METHOD = "choose-payment/use-saved-method";

	static final String CREDIT_CARD = "choose-payment/new-payment-method/credit-card";

	static final String BANK_DETAILS = "choose-payment/new-payment-method/bank-account/bank-details";

	static final String ACCOUNT_ADDRESS = "choose-payment/new-payment-method/bank-account/account-address";

	static final String PAYPAL = "choose-payment/new-payment-method/paypal";

	static final String CONFIRM_AND_PAY = "confirm-and-pay";

	static final Principal ALICE = () -> "alice";

	private final MutableClock clock = new MutableClock(Instant.parse("2030-05-01T09:00:00Z"));

	private final InMemoryTaskStore store = new InMemoryTaskStore();

	private final FlowDefinition purchase = FlowBuilder.fromAnnotatedClass(Purchase.class).build();

	private final FlowEngine engine = new FlowEngine(new FlowRegistry(List.of(this.purchase)), this.store,
			TaskStateCodec.withDefaults(), List.of(), this.clock, TaskTimeouts.DEFAULTS);

	/** The id of the task once the first POST stored it. */
	private String taskId;

	/** Who the requests come from; set by {@link #logIn()}. */
	private Principal user;

	@Test
	void theEntryPageIsConfirmItemAndShowingItStoresNothing() {
		assertThat(this.engine.entryPosition(this.purchase, null)).isEqualTo(Position.parse(CONFIRM_ITEM));

		Task fresh = this.engine.newTask(this.purchase, "secret", null);

		assertThat(fresh.position()).hasToString(CONFIRM_ITEM);
		assertThat(fresh.isPersisted()).isFalse();
		assertThat(fresh.history()).isEmpty();
		assertThat(fresh.status()).isEqualTo(TaskStatus.ACTIVE);
		assertThat(this.store.size()).isZero();
	}

	@Test
	void theFirstSubmittedStepStoresTheTask() {
		Task task = post(CONFIRM_ITEM, (state) -> state.put("item", 42), Outcome.complete());

		assertThat(this.store.size()).isEqualTo(1);
		assertThat(task.version()).isZero();
		assertThat(task.binding()).isEqualTo("secret");
		assertThat(task.position()).hasToString(LOGIN);
		assertThat(task.state().get("item", Integer.class)).isEqualTo(42);
	}

	@Test
	void loggingInWithASavedPaymentMethodPaysWithItAndCompletes() {
		post(CONFIRM_ITEM, (state) -> state.put("item", 42), Outcome.complete());
		Task task = post(LOGIN, (state) -> state.put("username", "alice").put("savedMethod", "visa-4242"),
				new LoginOrRegister().login());
		logIn();
		assertThat(task.position()).hasToString(SAVED_METHOD);

		task = post(SAVED_METHOD, (state) -> {
		}, Outcome.complete());
		assertThat(task.position()).hasToString(CONFIRM_AND_PAY);

		task = post(CONFIRM_AND_PAY, (state) -> state.put("paid", true), Outcome.complete());
		assertThat(task.isCompleted()).isTrue();
		assertThat(task.position()).hasToString(CONFIRM_AND_PAY);
		assertThat(task.history()).extracting(Position::toString).containsExactly(CONFIRM_ITEM, LOGIN, SAVED_METHOD);
		assertThat(task.state().keys()).containsExactly("item", "paid", "savedMethod", "username");
		assertThat(task.log()).extracting(TransitionRecord::kind)
			.containsExactly(TransitionKind.START, TransitionKind.ADVANCE, TransitionKind.ADVANCE,
					TransitionKind.ADVANCE, TransitionKind.FINISH);
	}

	@Test
	void registeringCompletesTheAccountStepAndAsksForANewPaymentMethod() {
		post(CONFIRM_ITEM, (state) -> state.put("item", 42), Outcome.complete());

		Task task = post(LOGIN, (state) -> {
		}, Outcome.goTo(Register.class));
		assertThat(task.position()).hasToString(REGISTER);

		task = post(REGISTER, (state) -> state.put("username", "bob"), Outcome.complete());
		assertThat(task.position()).hasToString(CREDIT_CARD);
		assertThat(task.history()).extracting(Position::toString).containsExactly(CONFIRM_ITEM, LOGIN, REGISTER);
	}

	@Test
	void forgotPasswordRunsItsThreeStepsThenReturnsToLogin() {
		post(CONFIRM_ITEM, (state) -> state.put("item", 42), Outcome.complete());

		Task task = post(LOGIN, (state) -> {
		}, Outcome.goTo(ForgotPassword.class));
		assertThat(task.position()).hasToString(ENTER_EMAIL);
		task = post(ENTER_EMAIL, (state) -> state.put("email", "alice@example.com"), Outcome.complete());
		assertThat(task.position()).hasToString(ENTER_CODE);
		task = post(ENTER_CODE, (state) -> state.put("code", "123456"), Outcome.complete());
		assertThat(task.position()).hasToString(RESET_PASSWORD);
		task = post(RESET_PASSWORD, (state) -> {
		}, new ResetPassword().reset());
		assertThat(task.position()).hasToString(LOGIN);

		task = post(LOGIN, (state) -> state.put("username", "alice"), Outcome.complete());
		assertThat(task.position()).hasToString(CREDIT_CARD);
		assertThat(task.history()).extracting(Position::toString)
			.containsExactly(CONFIRM_ITEM, LOGIN, ENTER_EMAIL, ENTER_CODE, RESET_PASSWORD, LOGIN);
		assertThat(task.log()).extracting(TransitionRecord::outcome)
			.containsExactly(null, "complete", "goTo(ForgotPassword)", "complete", "complete", "goTo(LoginOrRegister)",
					"complete");
	}

	@Test
	void resetPasswordCompletingInsteadOfGoingToLoginFinishesTheAccountStep() {
		walkTo(RESET_PASSWORD);

		Task task = post(RESET_PASSWORD, (state) -> {
		}, Outcome.complete());

		assertThat(task.position()).hasToString(CREDIT_CARD);
	}

	@Test
	void aCreditCardIsAskedForWhenThePaymentTypeIsCard() {
		Task task = payWith("card");
		assertThat(task.position()).hasToString(CREDIT_CARD);

		task = post(CREDIT_CARD, (state) -> state.put("card", "4242"), Outcome.complete());
		assertThat(task.position()).hasToString(CONFIRM_AND_PAY);
		task = post(CONFIRM_AND_PAY, (state) -> {
		}, Outcome.complete());
		assertThat(task.isCompleted()).isTrue();
	}

	@Test
	void aBankAccountAsksForTheBankDetailsThenTheAccountAddress() {
		Task task = payWith("bank");
		assertThat(task.position()).hasToString(BANK_DETAILS);

		task = post(BANK_DETAILS, (state) -> state.put("iban", "DE02 1203 0000 0000 2020 51"), Outcome.complete());
		assertThat(task.position()).hasToString(ACCOUNT_ADDRESS);
		task = post(ACCOUNT_ADDRESS, (state) -> state.put("address", "1 Main St"), Outcome.complete());
		assertThat(task.position()).hasToString(CONFIRM_AND_PAY);
		task = post(CONFIRM_AND_PAY, (state) -> {
		}, Outcome.complete());
		assertThat(task.isCompleted()).isTrue();
		assertThat(task.history()).extracting(Position::toString)
			.containsExactly(CONFIRM_ITEM, LOGIN, BANK_DETAILS, ACCOUNT_ADDRESS);
	}

	@Test
	void payPalIsChosenWhenThePaymentTypeIsPaypal() {
		Task task = payWith("paypal");
		assertThat(task.position()).hasToString(PAYPAL);

		task = post(PAYPAL, (state) -> state.put("paypalAccount", "alice@example.com"), Outcome.complete());
		assertThat(task.position()).hasToString(CONFIRM_AND_PAY);
	}

	@Test
	void backReturnsToThePreviousStep() {
		Task task = payWith("bank");

		this.engine.back(task, this.user);

		assertThat(task.position()).hasToString(LOGIN);
		assertThat(task.history()).extracting(Position::toString).containsExactly(CONFIRM_ITEM);
		assertThat(task.log().get(task.log().size() - 1))
			.isEqualTo(new TransitionRecord(BANK_DETAILS, LOGIN, TransitionKind.BACK, null, this.clock.instant()));
	}

	@Test
	void goingBackPastAStepDropsTheStateThatStepOwns() {
		walkTo(CONFIRM_AND_PAY);
		Task task = this.engine.load(this.taskId);
		assertThat(task.state().contains("address")).isTrue();

		this.engine.back(task, this.user);
		assertThat(task.position()).hasToString(ACCOUNT_ADDRESS);
		assertThat(task.state().contains("address")).as("the step gone back to keeps its answer").isTrue();

		this.engine.back(task, this.user);
		assertThat(task.position()).hasToString(BANK_DETAILS);
		assertThat(task.state().contains("address")).as("the step left behind loses its answer").isFalse();
		assertThat(task.state().get("iban", String.class)).isEqualTo("DE02");
		assertThat(task.state().get("item", Integer.class)).isEqualTo(42);
	}

	@Test
	void backFromTheFirstStepIsRefused() {
		Task task = this.engine.newTask(this.purchase, "secret", null);

		assertThatExceptionOfType(InvalidTransitionException.class).isThrownBy(() -> this.engine.back(task, null))
			.satisfies((ex) -> assertThat(ex.currentPosition()).hasToString(CONFIRM_ITEM));
		assertThat(task.canGoBack()).isFalse();
	}

	@Test
	void cancelDeletesTheTaskFromTheStore() {
		walkTo(CREDIT_CARD);
		Task task = this.engine.load(this.taskId);

		this.engine.apply(task, Position.parse(CREDIT_CARD), Outcome.cancel(), this.user);

		assertThat(this.store.find(this.taskId)).isEmpty();
		assertThat(this.store.size()).isZero();
		assertThatExceptionOfType(TaskNotFoundException.class).isThrownBy(() -> this.engine.load(this.taskId));
		TransitionRecord last = task.log().get(task.log().size() - 1);
		assertThat(last.kind()).isEqualTo(TransitionKind.CANCEL);
		assertThat(last.from()).isEqualTo(CREDIT_CARD);
		assertThat(last.to()).isEmpty();
		assertThat(last.outcome()).isEqualTo("cancel");
	}

	@Test
	void aCancelledTaskCanNeitherMoveNorBeSavedAgain() {
		walkTo(CREDIT_CARD);
		Task task = this.engine.load(this.taskId);

		this.engine.cancel(task, this.user);

		assertThat(task.status()).isEqualTo(TaskStatus.CANCELLED);
		assertThatExceptionOfType(InvalidTransitionException.class)
			.isThrownBy(() -> this.engine.apply(task, Position.parse(CREDIT_CARD), Outcome.complete(), this.user));
		assertThatExceptionOfType(InvalidTransitionException.class).isThrownBy(() -> this.engine.save(task));
		assertThat(this.store.size()).as("not re-inserted").isZero();
	}

	@Test
	void cancellingATaskThatWasNeverSavedStoresNothing() {
		Task task = this.engine.newTask(this.purchase, "secret", null);

		this.engine.cancel(task, null);

		assertThat(this.store.size()).isZero();
	}

	@Test
	void submittingAStepFromTheHistoryRewindsToItAndDropsTheStateOfTheStepsAfterIt() {
		walkTo(CONFIRM_AND_PAY);
		Task task = this.engine.load(this.taskId);
		assertThat(task.state().keys()).contains("iban", "address", "username", "item");

		this.engine.rewind(task, Position.parse(LOGIN), this.user);

		assertThat(task.position()).hasToString(LOGIN);
		assertThat(task.history()).extracting(Position::toString).containsExactly(CONFIRM_ITEM);
		assertThat(task.state().keys()).as("bank details and address were owned by dropped steps")
			.doesNotContain("iban", "address")
			.contains("item", "username", "paymentType");
		TransitionRecord last = task.log().get(task.log().size() - 1);
		assertThat(last.kind()).isEqualTo(TransitionKind.REWIND);
		assertThat(last.from()).isEqualTo(CONFIRM_AND_PAY);
		assertThat(last.to()).isEqualTo(LOGIN);

		task.state().put("paymentType", "paypal");
		this.engine.apply(task, Position.parse(LOGIN), Outcome.complete(), this.user);
		assertThat(task.position()).hasToString(PAYPAL);
		assertThat(task.history()).extracting(Position::toString).containsExactly(CONFIRM_ITEM, LOGIN);
	}

	@Test
	void rewindingToAStepThatWasNeverReachedIsRefused() {
		walkTo(CREDIT_CARD);
		Task task = this.engine.load(this.taskId);

		assertThatExceptionOfType(InvalidTransitionException.class)
			.isThrownBy(() -> this.engine.rewind(task, Position.parse(CONFIRM_AND_PAY), this.user))
			.satisfies((ex) -> assertThat(ex.currentPosition()).hasToString(CREDIT_CARD));
		assertThat(task.position()).hasToString(CREDIT_CARD);
	}

	@Test
	void stepsNotReachedYetCanNeitherBeShownNorSubmitted() {
		Task task = post(CONFIRM_ITEM, (state) -> state.put("item", 42), Outcome.complete());
		int logSize = task.log().size();

		assertThat(this.engine.access(task, Position.parse(CONFIRM_AND_PAY))).isEqualTo(StepAccess.NOT_REACHED);
		assertThat(this.engine.access(task, Position.parse(CREDIT_CARD))).isEqualTo(StepAccess.NOT_REACHED);
		assertThatExceptionOfType(InvalidTransitionException.class)
			.isThrownBy(() -> this.engine.apply(task, Position.parse(CONFIRM_AND_PAY), Outcome.complete(), null))
			.satisfies((ex) -> {
				assertThat(ex.currentPosition()).hasToString(LOGIN);
				assertThat(ex.getMessage()).contains(CONFIRM_AND_PAY);
			});
		assertThat(task.position()).hasToString(LOGIN);
		assertThat(task.history()).extracting(Position::toString).containsExactly(CONFIRM_ITEM);
		assertThat(task.log()).hasSize(logSize);
	}

	@Test
	void stepAccessTellsTheCurrentStepFromHistoryUnknownPathsAndFinishedTasks() {
		walkTo(CREDIT_CARD);
		Task task = this.engine.load(this.taskId);

		assertThat(this.engine.access(task, Position.parse(CREDIT_CARD))).isEqualTo(StepAccess.CURRENT);
		assertThat(this.engine.access(task, Position.parse(LOGIN))).isEqualTo(StepAccess.IN_HISTORY);
		assertThat(this.engine.access(task, Position.parse(CONFIRM_ITEM))).isEqualTo(StepAccess.IN_HISTORY);
		assertThat(this.engine.access(task, Position.parse("choose-payment"))).as("a scaffold is no step")
			.isEqualTo(StepAccess.UNKNOWN);
		assertThat(this.engine.access(task, Position.parse("no/such/step"))).isEqualTo(StepAccess.UNKNOWN);

		task = post(CREDIT_CARD, (state) -> {
		}, Outcome.complete());
		task = post(CONFIRM_AND_PAY, (state) -> {
		}, Outcome.complete());
		assertThat(this.engine.access(task, Position.parse(CONFIRM_AND_PAY))).isEqualTo(StepAccess.FINISHED);
		assertThat(this.engine.access(task, Position.parse(LOGIN))).isEqualTo(StepAccess.FINISHED);
	}

	@Test
	void aSignedInUserSkipsGetUserAccount() {
		logIn();
		assertThat(this.engine.entryPosition(this.purchase, this.user)).hasToString(CONFIRM_ITEM);

		Task task = post(CONFIRM_ITEM, (state) -> state.put("item", 42).put("savedMethod", "visa-4242"),
				Outcome.complete());

		assertThat(task.position()).hasToString(SAVED_METHOD);
		assertThat(task.history()).extracting(Position::toString).containsExactly(CONFIRM_ITEM);
		assertThat(this.engine.access(task, Position.parse(LOGIN))).isEqualTo(StepAccess.NOT_REACHED);
	}

	@Test
	void anAnonymousUserIsNotSkippedPastGetUserAccount() {
		Task task = post(CONFIRM_ITEM, (state) -> state.put("item", 42).put("savedMethod", "visa-4242"),
				Outcome.complete());

		assertThat(task.position()).hasToString(LOGIN);
	}

	@Test
	void goingToATargetTheActionDidNotDeclareIsRefused() {
		Task task = walkTo(LOGIN);
		int logSize = task.log().size();

		assertThatExceptionOfType(InvalidTransitionException.class)
			.isThrownBy(() -> this.engine.apply(task, Position.parse(LOGIN), Outcome.goTo(ConfirmAndPay.class), null))
			.withMessageContaining(LoginOrRegister.class.getName())
			.withMessageContaining("goTo(ConfirmAndPay)")
			.withMessageContaining("@FlowAction(targets)")
			.satisfies((ex) -> assertThat(ex.currentPosition()).hasToString(LOGIN));
		assertThat(task.position()).hasToString(LOGIN);
		assertThat(task.log()).hasSize(logSize);

		assertThatExceptionOfType(InvalidTransitionException.class)
			.isThrownBy(() -> this.engine.apply(task, Position.parse(LOGIN), Outcome.goTo(ResetPassword.class), null));
		assertThat(task.position()).hasToString(LOGIN);
	}

	@Test
	void redisplayLeavesTheTaskWhereItIs() {
		Task task = walkTo(LOGIN);
		int logSize = task.log().size();

		this.engine.apply(task, Position.parse(LOGIN), Outcome.redisplay(), null);

		assertThat(task.position()).hasToString(LOGIN);
		assertThat(task.log()).hasSize(logSize);
	}

	@Test
	void aCompletedTaskAcceptsNoFurtherSteps() {
		walkTo(CONFIRM_AND_PAY);
		Task task = post(CONFIRM_AND_PAY, (state) -> {
		}, Outcome.complete());

		assertThatExceptionOfType(InvalidTransitionException.class)
			.isThrownBy(() -> this.engine.apply(task, Position.parse(CONFIRM_AND_PAY), Outcome.complete(), this.user));
		assertThatExceptionOfType(InvalidTransitionException.class).isThrownBy(() -> this.engine.back(task, this.user));
		assertThatExceptionOfType(InvalidTransitionException.class)
			.isThrownBy(() -> this.engine.cancel(task, this.user));
		assertThat(task.canGoBack()).isFalse();
		assertThat(this.store.find(this.taskId)).isPresent();
	}

	// --- driving the flow ---

	/**
	 * One POST: load (or create) the task, let the handler write state, apply its
	 * outcome, save.
	 */
	private Task post(String step, Consumer<TaskState> handler, Outcome outcome) {
		Task task = (this.taskId != null) ? this.engine.load(this.taskId)
				: this.engine.newTask(this.purchase, "secret", this.user);
		assertThat(this.engine.access(task, Position.parse(step))).isEqualTo(StepAccess.CURRENT);
		handler.accept(task.state());
		this.engine.apply(task, Position.parse(step), outcome, this.user);
		this.engine.save(task);
		this.taskId = task.id();
		this.clock.advance(Duration.ofSeconds(5));
		return this.engine.load(this.taskId);
	}

	private void logIn() {
		this.user = ALICE;
	}

	/** Confirms the item and logs in, choosing {@code paymentType}. */
	private Task payWith(String paymentType) {
		post(CONFIRM_ITEM, (state) -> state.put("item", 42), Outcome.complete());
		Task task = post(LOGIN, (state) -> state.put("username", "alice").put("paymentType", paymentType),
				Outcome.complete());
		logIn();
		return task;
	}

	/** Takes the shortest route from the start to {@code step}. */
	private Task walkTo(String step) {
		if (step.equals(CONFIRM_AND_PAY)) {
			payWith("bank");
			post(BANK_DETAILS, (state) -> state.put("iban", "DE02"), Outcome.complete());
			return post(ACCOUNT_ADDRESS, (state) -> state.put("address", "1 Main St"), Outcome.complete());
		}
		Task task = post(CONFIRM_ITEM, (state) -> state.put("item", 42), Outcome.complete());
		switch (step) {
			case LOGIN -> {
				return task;
			}
			case RESET_PASSWORD -> {
				post(LOGIN, (state) -> {
				}, Outcome.goTo(ForgotPassword.class));
				post(ENTER_EMAIL, (state) -> state.put("email", "a@example.com"), Outcome.complete());
				return post(ENTER_CODE, (state) -> state.put("code", "1"), Outcome.complete());
			}
			case CREDIT_CARD -> {
				task = post(LOGIN, (state) -> state.put("username", "alice"), Outcome.complete());
				logIn();
				return task;
			}
			default -> throw new IllegalArgumentException(step);
		}
	}

}
