package dev.flows.observation;

import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;

import dev.flows.definition.FlowBuilder;
import dev.flows.definition.FlowDefinition;
import dev.flows.definition.FlowRegistry;
import dev.flows.definition.Outcome;
import dev.flows.definition.Position;
import dev.flows.engine.FlowEngine;
import dev.flows.engine.MutableClock;
import dev.flows.engine.StepEntry;
import dev.flows.engine.StepRequest;
import dev.flows.engine.Task;
import dev.flows.engine.TaskBinding;
import dev.flows.engine.TaskTimeouts;
import dev.flows.engine.purchase.Purchase;
import dev.flows.state.TaskStateCodec;
import dev.flows.store.StaleTaskException;
import dev.flows.store.TaskCleaner;
import dev.flows.store.TaskRecord;
import dev.flows.store.memory.InMemoryTaskStore;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ObservationFlowObserverTest {

	private static final Principal ALICE = () -> "alice";

	private static final String ENTRY = "confirm-item";

	private static final String LOGIN = "get-user-account/login-or-register";

	private static final String CARD = "choose-payment/new-payment-method/credit-card";

	private static final String PAY = "confirm-and-pay";

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final InMemoryTaskStore memory = new InMemoryTaskStore();

	private final MutableClock clock = new MutableClock(Instant.parse("2030-05-01T09:00:00Z"));

	/** Every observation stopped, as a handler sees it. */
	private final List<Observation.Context> stopped = new ArrayList<>();

	{
		this.registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

			@Override
			public void onStop(Observation.Context context) {
				ObservationFlowObserverTest.this.stopped.add(context);
			}

		});
	}

	private final FlowDefinition purchase = FlowBuilder.fromAnnotatedClass(Purchase.class).build();

	private final TaskBinding browser = new TaskBinding() {

		@Override
		public String bind() {
			return "secret";
		}

		@Override
		public boolean matches(String stored) {
			return "secret".equals(stored);
		}

	};

	@Test
	void aWalkedFlowIsObservedStepByStepWithLowCardinalityKeyValues() {
		FlowEngine engine = engine(new ObservationFlowObserver(this.registry));
		String id = paid(engine).id();

		assertThat(this.registry).doesNotHaveAnyRemainingCurrentObservation()
			.hasNumberOfObservationsWithNameEqualTo("flows.step", 4)
			.hasNumberOfObservationsWithNameEqualTo("flows.step.entry", 4)
			.hasNumberOfObservationsWithNameEqualTo("flows.task", 2)
			.hasAnObservation((observation) -> observation.hasNameEqualTo("flows.step")
				.hasContextualNameEqualTo("flows submit " + CARD)
				.hasLowCardinalityKeyValue("flow", "purchase")
				.hasLowCardinalityKeyValue("step", CARD)
				.hasLowCardinalityKeyValue("outcome", "complete"))
			.hasAnObservation((observation) -> observation.hasNameEqualTo("flows.step.entry")
				.hasLowCardinalityKeyValue("step", PAY))
			.hasAnObservation((observation) -> observation.hasNameEqualTo("flows.task")
				.hasLowCardinalityKeyValue("event", "started")
				.hasLowCardinalityKeyValue("step", ENTRY))
			.hasAnObservation((observation) -> observation.hasNameEqualTo("flows.task")
				.hasLowCardinalityKeyValue("event", "completed")
				.hasLowCardinalityKeyValue("step", PAY));
		assertThat(this.stopped).hasSize(10).allSatisfy((context) -> {
			assertThat(context.getLowCardinalityKeyValues().stream().map(KeyValue::getValue)).doesNotContain(id)
				.allSatisfy((value) -> assertThat(value).hasSizeLessThan(60));
			assertThat(context.getHighCardinalityKeyValues()).as("no task ids anywhere").isEmpty();
		});
	}

	@Test
	void aRedisplayAndAFailedSaveAreSubmissionsWithTheirOutcome() {
		FlowEngine engine = engine(new ObservationFlowObserver(this.registry));
		Task task = start(engine);
		Task shown = submit(engine, task.id(), LOGIN, task.version(), null);
		engine.complete(shown, Position.parse(LOGIN), Outcome.redisplay(), null, this.browser);
		Task stale = submit(engine, task.id(), LOGIN, task.version(), null);
		stale.state().put("username", "alice");
		TaskRecord stored = this.memory.find(task.id()).orElseThrow();
		this.memory.update(stored.withVersion(stored.version() + 1), stored.version());

		assertThatExceptionOfType(StaleTaskException.class)
			.isThrownBy(() -> engine.complete(stale, Position.parse(LOGIN), Outcome.complete(), ALICE, this.browser));

		assertThat(this.registry).doesNotHaveAnyRemainingCurrentObservation()
			.hasAnObservation((observation) -> observation.hasNameEqualTo("flows.step")
				.hasLowCardinalityKeyValue("step", LOGIN)
				.hasLowCardinalityKeyValue("outcome", "redisplay")
				.doesNotHaveError())
			.hasAnObservation((observation) -> observation.hasNameEqualTo("flows.step")
				.hasLowCardinalityKeyValue("step", LOGIN)
				.hasLowCardinalityKeyValue("outcome", "error")
				.assertThatError()
				.isInstanceOf(StaleTaskException.class))
			.hasNumberOfObservationsWithNameEqualTo("flows.step.entry", 2);
	}

	@Test
	void aConventionGivenNamesTheKindsItSupportsAndTheDefaultsTheOthers() {
		FlowsObservationConvention tasks = new DefaultFlowsObservationConvention(FlowsObservationContext.Kind.TASK) {

			@Override
			public String getName() {
				return "shop.checkout";
			}

			@Override
			public KeyValues getLowCardinalityKeyValues(FlowsObservationContext context) {
				return super.getLowCardinalityKeyValues(context).and("team", "payments");
			}

		};
		FlowEngine engine = engine(new ObservationFlowObserver(this.registry, List.of(tasks)));

		start(engine);

		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo("flows.task", 0)
			.hasAnObservation((observation) -> observation.hasNameEqualTo("shop.checkout")
				.hasLowCardinalityKeyValue("event", "started")
				.hasLowCardinalityKeyValue("team", "payments"))
			.hasNumberOfObservationsWithNameEqualTo("flows.step", 1);
	}

	@Test
	void aTaskARequestFindsExpiredIsObservedOnceAsExpiredAtItsStep() {
		FlowEngine engine = engine(new ObservationFlowObserver(this.registry));
		Task task = start(engine);
		this.clock.advance(TaskTimeouts.DEFAULTS.idleTimeout());

		StepEntry late = engine.enter(new StepRequest(this.purchase, StepRequest.Kind.SUBMIT, Position.parse(LOGIN),
				task.id(), task.version(), null, this.browser));
		StepEntry again = engine.enter(new StepRequest(this.purchase, StepRequest.Kind.SUBMIT, Position.parse(LOGIN),
				task.id(), task.version(), null, this.browser));

		assertThat(late).isNotInstanceOf(StepEntry.Proceed.class);
		assertThat(again).isNotInstanceOf(StepEntry.Proceed.class);
		assertThat(this.registry).doesNotHaveAnyRemainingCurrentObservation()
			.hasAnObservation((observation) -> observation.hasNameEqualTo("flows.task")
				.hasLowCardinalityKeyValue("flow", "purchase")
				.hasLowCardinalityKeyValue("event", "expired")
				.hasLowCardinalityKeyValue("step", LOGIN));
		assertThat(expiredObservations()).as("the expiry is observed once, by the first request").hasSize(1);
	}

	@Test
	void theCleanupObservesEachAbandonedTaskItRemovesAsExpiredAndNotACompletedOne() {
		FlowEngine engine = engine(new ObservationFlowObserver(this.registry));
		start(engine);
		paid(engine);
		// Past the idle timeout of the abandoned task and the retention of the paid one.
		this.clock.advance(TaskTimeouts.DEFAULTS.idleTimeout().plus(TaskTimeouts.DEFAULTS.completedRetention()));

		int removed = new TaskCleaner(this.memory, this.clock, 10).clean(engine::expired);

		assertThat(removed).isEqualTo(2);
		assertThat(this.registry).doesNotHaveAnyRemainingCurrentObservation()
			.hasAnObservation((observation) -> observation.hasNameEqualTo("flows.task")
				.hasLowCardinalityKeyValue("flow", "purchase")
				.hasLowCardinalityKeyValue("event", "expired")
				.hasLowCardinalityKeyValue("step", LOGIN));
		assertThat(expiredObservations()).as("only the abandoned task expired").hasSize(1);
	}

	/** The {@code flows.task} observations of an expiry stopped so far. */
	private List<Observation.Context> expiredObservations() {
		return this.stopped.stream()
			.filter((context) -> "flows.task".equals(context.getName()))
			.filter((context) -> context.getLowCardinalityKeyValues()
				.stream()
				.anyMatch((keyValue) -> keyValue.getKey().equals("event") && keyValue.getValue().equals("expired")))
			.toList();
	}

	/** A task started, signed in as Alice, given a card and paid: completed. */
	private Task paid(FlowEngine engine) {
		Task task = start(engine);
		String id = task.id();
		task = submit(engine, id, LOGIN, task.version(), null);
		task.state().put("username", "alice");
		engine.complete(task, Position.parse(LOGIN), Outcome.complete(), ALICE, this.browser);
		task = submit(engine, id, CARD, task.version(), ALICE);
		engine.complete(task, Position.parse(CARD), Outcome.complete(), ALICE, this.browser);
		task = submit(engine, id, PAY, task.version(), ALICE);
		engine.complete(task, Position.parse(PAY), Outcome.complete(), ALICE, this.browser);
		return task;
	}

	/** A task stored at the login step, through the entry page's first submit. */
	private Task start(FlowEngine engine) {
		Task entry = proceeded(engine
			.enter(new StepRequest(this.purchase, StepRequest.Kind.ENTRY, null, null, null, null, this.browser)));
		Task task = submit(engine, entry.id(), ENTRY, null, null);
		task.state().put("item", 42);
		engine.complete(task, Position.parse(ENTRY), Outcome.complete(), null, this.browser);
		return task;
	}

	private Task submit(FlowEngine engine, String id, String step, Long version, Principal user) {
		return proceeded(engine.enter(new StepRequest(this.purchase, StepRequest.Kind.SUBMIT, Position.parse(step), id,
				version, user, this.browser)));
	}

	private static Task proceeded(StepEntry entry) {
		assertThat(entry).isInstanceOf(StepEntry.Proceed.class);
		return ((StepEntry.Proceed) entry).task();
	}

	private FlowEngine engine(ObservationFlowObserver observer) {
		return new FlowEngine(new FlowRegistry(List.of(this.purchase)), this.memory, TaskStateCodec.withDefaults(),
				List.of(), List.of(observer), this.clock, TaskTimeouts.DEFAULTS);
	}

}
