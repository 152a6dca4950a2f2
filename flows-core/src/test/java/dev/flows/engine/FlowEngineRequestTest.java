package dev.flows.engine;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.flows.definition.FlowBuilder;
import dev.flows.definition.FlowDefinition;
import dev.flows.definition.FlowRegistry;
import dev.flows.definition.Outcome;
import dev.flows.definition.Position;
import dev.flows.engine.StepEntry.Redirect.Target;
import dev.flows.engine.purchase.Purchase;
import dev.flows.state.StateTooLargeException;
import dev.flows.state.TaskStateCodec;
import dev.flows.store.ClaimResult;
import dev.flows.store.StaleTaskException;
import dev.flows.store.TaskRecord;
import dev.flows.store.memory.InMemoryTaskStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The request rules every front end shares, through {@link FlowEngine#enter} and
 * {@link FlowEngine#complete} alone: no web layer involved.
 */
class FlowEngineRequestTest {

	private static final Principal ALICE = () -> "alice";

	private static final Principal BOB = () -> "bob";

	private static final String ENTRY = "confirm-item";

	private static final String LOGIN = "get-user-account/login-or-register";

	private static final String CARD = "choose-payment/new-payment-method/credit-card";

	private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(30);

	private final MutableClock clock = new MutableClock(Instant.parse("2030-05-01T09:00:00Z"));

	private final InMemoryTaskStore memory = new InMemoryTaskStore();

	private final CountingTaskStore store = new CountingTaskStore(this.memory);

	private final FlowDefinition purchase = FlowBuilder.fromAnnotatedClass(Purchase.class).build();

	private final List<String> announced = new ArrayList<>();

	private final FlowEngine engine = new FlowEngine(new FlowRegistry(List.of(this.purchase)), this.store,
			new TaskStateCodec(TaskStateCodec.defaultMapper(), 1024), List.of(new FlowHook() {
				@Override
				public void afterTransition(TransitionEvent event) {
					FlowEngineRequestTest.this.announced.add(event.kind() + " " + event.to());
				}
			}), this.clock, new TaskTimeouts(Duration.ofMinutes(20), Duration.ofMinutes(10), Duration.ofMinutes(1),
					CLAIM_TIMEOUT, Duration.ZERO));

	/** The browser: what the binder finds in it. */
	private final TaskBinding browser = binding("browser-secret");

	@Test
	void theEntryPageIsServedWithoutStoringAnything() {
		StepEntry entry = this.engine.enter(request(StepRequest.Kind.ENTRY, null, null, null, null));

		Task task = proceeded(entry);
		assertThat(task.position()).hasToString(ENTRY);
		assertThat(task.isPersisted()).isFalse();
		assertThat(this.store.writes() + this.store.calls("find")).isZero();
	}

	@Test
	void aLaterStepWithoutATaskGoesToTheEntry() {
		StepEntry entry = this.engine.enter(request(StepRequest.Kind.RENDER, LOGIN, null, null, null));

		assertThat(entry).isEqualTo(new StepEntry.Redirect(Target.ENTRY, null, null));
	}

	@Test
	void malformedUnknownAndForeignIdsAreRefusedOrUnknownAlike() {
		Task task = startedAt(LOGIN, null);

		assertThat(this.engine.enter(request(StepRequest.Kind.RENDER, LOGIN, "../etc", null, null)))
			.isInstanceOf(StepEntry.Refused.class);
		StepEntry unknown = this.engine
			.enter(request(StepRequest.Kind.RENDER, LOGIN, "AAAAAAAAAAAAAAAAAAAAAA", null, null));
		StepEntry foreign = this.engine.enter(new StepRequest(this.purchase, StepRequest.Kind.RENDER,
				Position.parse(LOGIN), task.id(), null, null, binding("another-browser")));
		assertThat(unknown).isInstanceOf(StepEntry.Unknown.class);
		assertThat(foreign).isEqualTo(unknown);
	}

	@Test
	void aStepNotReachedYetRedirectsToWhereTheTaskIs() {
		Task task = startedAt(LOGIN, null);

		StepEntry entry = this.engine.enter(request(StepRequest.Kind.RENDER, CARD, task.id(), null, null));

		assertThat(entry).isInstanceOfSatisfying(StepEntry.Redirect.class, (redirect) -> {
			assertThat(redirect.target()).isEqualTo(Target.TASK);
			assertThat(redirect.task().position()).hasToString(LOGIN);
		});
	}

	@Test
	void anotherUserFindsTheTaskUnknownAndTheOwnerStillHasIt() {
		Task task = startedAt(CARD, ALICE);

		assertThat(this.engine.enter(request(StepRequest.Kind.RESUME, null, task.id(), null, BOB)))
			.isInstanceOf(StepEntry.Unknown.class);
		assertThat(this.engine.enter(request(StepRequest.Kind.RESUME, null, task.id(), null, null)))
			.isInstanceOf(StepEntry.Unknown.class);
		assertThat(this.engine.enter(request(StepRequest.Kind.RESUME, null, task.id(), null, ALICE)))
			.isInstanceOf(StepEntry.Redirect.class);
	}

	@Test
	void anAnonymousTaskIsAdoptedByTheFirstUserWhoUsesIt() {
		Task task = startedAt(LOGIN, null);
		long version = this.memory.find(task.id()).orElseThrow().version();

		assertThat(this.engine.enter(request(StepRequest.Kind.RENDER, LOGIN, task.id(), null, ALICE)))
			.isInstanceOf(StepEntry.Proceed.class);

		TaskRecord stored = this.memory.find(task.id()).orElseThrow();
		assertThat(stored.owner()).isEqualTo(Owners.of(ALICE)).doesNotContain("alice");
		assertThat(stored.version()).isEqualTo(version + 1);
		assertThat(this.engine.enter(request(StepRequest.Kind.RENDER, LOGIN, task.id(), null, BOB)))
			.isInstanceOf(StepEntry.Unknown.class);
	}

	@Test
	void aStepThatSignsSomeoneElseInHandsTheTaskToThem() {
		Task task = startedAt(CARD, ALICE);
		Task claimed = proceeded(
				this.engine.enter(request(StepRequest.Kind.SUBMIT, CARD, task.id(), task.version(), ALICE)));

		this.engine.complete(claimed, Position.parse(CARD), Outcome.complete(), BOB, this.browser);

		assertThat(this.memory.find(task.id()).orElseThrow().owner()).isEqualTo(Owners.of(BOB));
		assertThat(this.engine.enter(request(StepRequest.Kind.RESUME, null, task.id(), null, ALICE)))
			.isInstanceOf(StepEntry.Unknown.class);
	}

	@Test
	void aSubmitClaimsTheTaskSoADuplicateIsSentToWhereTheTaskIs() {
		Task task = startedAt(LOGIN, null);
		long version = task.version();
		Task first = proceeded(this.engine.enter(request(StepRequest.Kind.SUBMIT, LOGIN, task.id(), version, null)));

		StepEntry duplicate = this.engine.enter(request(StepRequest.Kind.SUBMIT, LOGIN, task.id(), version, null));

		assertThat(duplicate).isInstanceOfSatisfying(StepEntry.Redirect.class,
				(redirect) -> assertThat(redirect.target()).isEqualTo(Target.TASK));
		first.state().put("username", "alice");
		this.engine.complete(first, Position.parse(LOGIN), Outcome.complete(), ALICE, this.browser);
		StepEntry late = this.engine.enter(request(StepRequest.Kind.SUBMIT, LOGIN, task.id(), version, ALICE));
		assertThat(late).isInstanceOfSatisfying(StepEntry.Redirect.class,
				(redirect) -> assertThat(redirect.task().position()).hasToString(CARD));
	}

	@Test
	void aClaimLeftByAStoppedNodeLapses() {
		Task task = startedAt(LOGIN, null);
		proceeded(this.engine.enter(request(StepRequest.Kind.SUBMIT, LOGIN, task.id(), task.version(), null)));

		this.clock.advance(CLAIM_TIMEOUT.plusSeconds(1));

		assertThat(this.engine.enter(request(StepRequest.Kind.SUBMIT, LOGIN, task.id(), task.version(), null)))
			.isInstanceOf(StepEntry.Proceed.class);
	}

	@Test
	void aRedisplayReleasesTheClaimWithoutSaving() {
		Task task = startedAt(LOGIN, null);
		Task claimed = proceeded(
				this.engine.enter(request(StepRequest.Kind.SUBMIT, LOGIN, task.id(), task.version(), null)));
		claimed.state().put("username", "half-typed");

		this.engine.complete(claimed, Position.parse(LOGIN), Outcome.redisplay(), null, this.browser);

		TaskRecord stored = this.memory.find(task.id()).orElseThrow();
		assertThat(stored.version()).isEqualTo(task.version());
		assertThat(stored.state()).doesNotContain("half-typed");
		assertThat(this.memory
			.claim(task.id(), task.version(), "next", this.clock.instant(), this.clock.instant().plusSeconds(1))
			.status()).isEqualTo(ClaimResult.Status.CLAIMED);
	}

	@Test
	void theFirstSubmitWithTheIdTheEntryPageRenderedStoresOneTaskHoweverOftenItArrives() {
		String id = proceeded(this.engine.enter(request(StepRequest.Kind.ENTRY, null, null, null, null))).id();

		Task first = proceeded(this.engine.enter(request(StepRequest.Kind.SUBMIT, ENTRY, id, null, null)));
		StepEntry doubleClick = this.engine.enter(request(StepRequest.Kind.SUBMIT, ENTRY, id, null, null));
		first.state().put("item", 42);
		this.engine.complete(first, Position.parse(ENTRY), Outcome.complete(), null, this.browser);
		StepEntry late = this.engine.enter(request(StepRequest.Kind.SUBMIT, ENTRY, id, null, null));

		assertThat(first.id()).isEqualTo(id);
		assertThat(doubleClick).isInstanceOf(StepEntry.Redirect.class);
		assertThat(late).isInstanceOfSatisfying(StepEntry.Redirect.class,
				(redirect) -> assertThat(redirect.task().position()).hasToString(LOGIN));
		assertThat(this.memory.size()).isEqualTo(1);
	}

	@Test
	void submittingAStepOfTheHistoryRewindsTheTaskAndDropsLaterAnswers() {
		Task task = startedAt(LOGIN, null);

		Task claimed = proceeded(
				this.engine.enter(request(StepRequest.Kind.SUBMIT, ENTRY, task.id(), task.version(), null)));

		assertThat(claimed.position()).hasToString(ENTRY);
		assertThat(claimed.state().contains("item")).isTrue();
		assertThat(claimed.history()).isEmpty();
	}

	@Test
	void anUnmetLoginRequirementReleasesTheClaim() {
		Task task = startedAt(LOGIN, null);
		Task claimed = proceeded(
				this.engine.enter(request(StepRequest.Kind.SUBMIT, LOGIN, task.id(), task.version(), null)));
		claimed.state().put("username", "alice");
		this.engine.complete(claimed, Position.parse(LOGIN), Outcome.complete(), null, this.browser);

		StepEntry entry = this.engine.enter(request(StepRequest.Kind.SUBMIT, CARD, task.id(), claimed.version(), null));

		assertThat(entry).isInstanceOf(StepEntry.LoginRequired.class);
		assertThat(this.memory
			.claim(task.id(), claimed.version(), "next", this.clock.instant(), this.clock.instant().plusSeconds(1))
			.status()).isEqualTo(ClaimResult.Status.CLAIMED);
	}

	@Test
	void movesAreAnnouncedOnlyOnceStoredAndNeverWhenTheSaveFails() {
		Task task = startedAt(LOGIN, null);
		this.announced.clear();
		Task claimed = proceeded(
				this.engine.enter(request(StepRequest.Kind.SUBMIT, LOGIN, task.id(), task.version(), null)));
		claimed.state().put("username", "x".repeat(2000));

		assertThatExceptionOfType(StateTooLargeException.class).isThrownBy(
				() -> this.engine.complete(claimed, Position.parse(LOGIN), Outcome.complete(), ALICE, this.browser));

		assertThat(this.announced).isEmpty();
		assertThat(this.memory.find(task.id()).orElseThrow().position()).isEqualTo(LOGIN);
		Task retried = proceeded(
				this.engine.enter(request(StepRequest.Kind.SUBMIT, LOGIN, task.id(), task.version(), ALICE)));
		retried.state().put("username", "alice");
		this.engine.complete(retried, Position.parse(LOGIN), Outcome.complete(), ALICE, this.browser);
		assertThat(this.announced).containsExactly("ADVANCE " + CARD);
	}

	@Test
	void stateThatNoLongerReadsSendsTheTaskBackToTheStepThatOwnsIt() {
		Task task = startedAt(LOGIN, null);

		StepEntry entry = this.engine.recover(task, "item", null);

		assertThat(entry).isInstanceOfSatisfying(StepEntry.Redirect.class,
				(redirect) -> assertThat(redirect.task().position()).hasToString(ENTRY));
		Task stored = this.engine.load(task.id());
		assertThat(stored.position()).hasToString(ENTRY);
		assertThat(stored.state().contains("item")).isFalse();
	}

	@Test
	void stateThatNoLongerReadsAndThatNoStepOwnsRestartsTheFlow() {
		Task task = startedAt(LOGIN, null);

		assertThat(this.engine.recover(task, "nobody-owns-this", null)).isInstanceOf(StepEntry.Unknown.class);
		assertThat(this.memory.find(task.id())).isEmpty();
	}

	/** A task stored at {@code step}, begun by {@code user}. */
	@Test
	void aCancelDecidedOnAVersionSomeoneHasSavedOverRemovesNothing() {
		Task task = startedAt(LOGIN, null);
		Task claimed = proceeded(
				this.engine.enter(request(StepRequest.Kind.SUBMIT, LOGIN, task.id(), task.version(), null)));
		// the claim lapsed, and another request saved the task meanwhile
		TaskRecord stored = this.memory.find(task.id()).orElseThrow();
		this.memory.update(stored.withVersion(stored.version() + 1), stored.version());

		assertThatExceptionOfType(StaleTaskException.class).isThrownBy(
				() -> this.engine.complete(claimed, Position.parse(LOGIN), Outcome.cancel(), null, this.browser));
		assertThat(this.memory.find(task.id()))
			.hasValueSatisfying((record) -> assertThat(record.version()).isEqualTo(stored.version() + 1));
	}

	private Task startedAt(String step, Principal user) {
		Task task = proceeded(this.engine.enter(request(StepRequest.Kind.SUBMIT, ENTRY, null, null, user)));
		task.state().put("item", 42);
		this.engine.complete(task, Position.parse(ENTRY), Outcome.complete(), user, this.browser);
		assertThat(task.position()).hasToString(step);
		this.announced.clear();
		return task;
	}

	private StepRequest request(StepRequest.Kind kind, String position, String id, Long version, Principal user) {
		return new StepRequest(this.purchase, kind, (position != null) ? Position.parse(position) : null, id, version,
				user, this.browser);
	}

	private static Task proceeded(StepEntry entry) {
		assertThat(entry).isInstanceOf(StepEntry.Proceed.class);
		return ((StepEntry.Proceed) entry).task();
	}

	private static TaskBinding binding(String secret) {
		return new TaskBinding() {

			@Override
			public String bind() {
				return secret;
			}

			@Override
			public boolean matches(String binding) {
				return secret.equals(binding);
			}

		};
	}

}
