package dev.flows.engine;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.flows.definition.FlowBuilder;
import dev.flows.definition.FlowDefinition;
import dev.flows.definition.FlowRegistry;
import dev.flows.definition.Outcome;
import dev.flows.definition.Position;
import dev.flows.engine.purchase.Purchase;
import dev.flows.state.TaskStateCodec;
import dev.flows.store.StaleTaskException;
import dev.flows.store.TaskCleaner;
import dev.flows.store.TaskRecord;
import dev.flows.store.memory.InMemoryTaskStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The lifecycle events the engine tells its {@link FlowObserver}s: once, in order, and
 * only for changes the store kept.
 */
class FlowEventsTest {

	private static final Principal ALICE = () -> "alice";

	private static final String ENTRY = "confirm-item";

	private static final String LOGIN = "get-user-account/login-or-register";

	private static final String CARD = "choose-payment/new-payment-method/credit-card";

	private static final String PAY = "confirm-and-pay";

	private static final TaskTimeouts TIMEOUTS = new TaskTimeouts(Duration.ofMinutes(20), Duration.ofMinutes(10),
			Duration.ofMinutes(1), Duration.ofSeconds(30), Duration.ZERO);

	private final MutableClock clock = new MutableClock(Instant.parse("2030-05-01T09:00:00Z"));

	private final InMemoryTaskStore memory = new InMemoryTaskStore();

	private final FlowDefinition purchase = FlowBuilder.fromAnnotatedClass(Purchase.class).build();

	/** Each event, with the stored task's position and version as the observer saw it. */
	private final List<String> seen = new ArrayList<>();

	private final List<String> submissions = new ArrayList<>();

	private final FlowEngine engine = new FlowEngine(new FlowRegistry(List.of(this.purchase)), this.memory,
			TaskStateCodec.withDefaults(), List.of(), List.of(new Recorder()), this.clock, TIMEOUTS);

	private final TaskBinding browser = new TaskBinding() {

		@Override
		public String bind() {
			return "browser-secret";
		}

		@Override
		public boolean matches(String stored) {
			return "browser-secret".equals(stored);
		}

	};

	@Test
	void aWalkedFlowReportsStartStepsAndCompletionInOrderEachOnceStored() {
		String id = entered().id();
		Task task = submit(id, ENTRY, null);
		task.state().put("item", 42);
		this.engine.complete(task, Position.parse(ENTRY), Outcome.complete(), null, this.browser);
		task = submit(id, LOGIN, task.version());
		task.state().put("username", "alice");
		this.engine.complete(task, Position.parse(LOGIN), Outcome.complete(), ALICE, this.browser);
		task = submit(id, CARD, task.version(), ALICE);
		this.engine.complete(task, Position.parse(CARD), Outcome.complete(), ALICE, this.browser);
		task = submit(id, PAY, task.version(), ALICE);
		this.engine.complete(task, Position.parse(PAY), Outcome.complete(), ALICE, this.browser);

		assertThat(this.seen).containsExactly("started at " + ENTRY + " (stored: " + ENTRY + " v0)",
				"step " + ENTRY + " complete -> " + LOGIN + " (stored: " + LOGIN + " v1)",
				"step " + LOGIN + " complete -> " + CARD + " (stored: " + CARD + " v2)",
				"step " + CARD + " complete -> " + PAY + " (stored: " + PAY + " v3)",
				"step " + PAY + " complete -> (finished) (stored: " + PAY + " v4)",
				"completed after " + PAY + " (stored: " + PAY + " v4)");
		assertThat(this.submissions).containsExactly(ENTRY + " complete", LOGIN + " complete", CARD + " complete",
				PAY + " complete");
	}

	@Test
	void aSaveThatFailsReportsNothingAndItsSubmissionEndsInError() {
		Task task = started();
		Task claimed = submit(task.id(), LOGIN, task.version());
		claimed.state().put("username", "alice");
		// another node saved the task meanwhile
		TaskRecord stored = this.memory.find(task.id()).orElseThrow();
		this.memory.update(stored.withVersion(stored.version() + 1), stored.version());
		this.seen.clear();
		this.submissions.clear();

		assertThatExceptionOfType(StaleTaskException.class).isThrownBy(
				() -> this.engine.complete(claimed, Position.parse(LOGIN), Outcome.complete(), ALICE, this.browser));

		assertThat(this.seen).isEmpty();
		assertThat(this.submissions).containsExactly(LOGIN + " error StaleTaskException");
	}

	@Test
	void aRedisplayMovesNothingAndReportsOnlyItsSubmission() {
		Task task = started();
		this.seen.clear();
		this.submissions.clear();

		Task claimed = submit(task.id(), LOGIN, task.version());
		this.engine.complete(claimed, Position.parse(LOGIN), Outcome.redisplay(), null, this.browser);
		Task again = submit(task.id(), LOGIN, task.version());
		this.engine.release(again);

		assertThat(this.seen).isEmpty();
		assertThat(this.submissions).containsExactly(LOGIN + " redisplay", LOGIN + " none");
	}

	@Test
	void cancellingAStoredTaskIsReportedOnceDeletedAndAnEntryPageNever() {
		Task entry = entered();
		this.engine.cancel(entry, null);
		Task task = started();
		this.seen.clear();

		Task claimed = submit(task.id(), LOGIN, task.version());
		this.engine.complete(claimed, Position.parse(LOGIN), Outcome.cancel(), null, this.browser);

		assertThat(this.seen).containsExactly("cancelled at " + LOGIN + " (stored: none)");
		assertThat(this.submissions).endsWith(LOGIN + " cancel");
	}

	@Test
	void anActiveTaskFoundExpiredIsRemovedAndReportedOnce() {
		Task task = started();
		this.seen.clear();
		this.clock.advance(TIMEOUTS.idleTimeout());

		assertThatExceptionOfType(TaskExpiredException.class).isThrownBy(() -> this.engine.load(task.id()));
		StepEntry again = this.engine
			.enter(new StepRequest(this.purchase, StepRequest.Kind.RESUME, null, task.id(), null, null, this.browser));

		assertThat(again).isInstanceOf(StepEntry.Unknown.class);
		assertThat(this.seen).containsExactly("expired at " + LOGIN + " (stored: none)");
		assertThat(this.memory.size()).isZero();
	}

	@Test
	void anExpiredTaskTheCleanupRemovesWhileARequestReadsItIsReportedOnceByTheCleanup() {
		CountingTaskStore racing = new CountingTaskStore(this.memory);
		FlowEngine engine = new FlowEngine(new FlowRegistry(List.of(this.purchase)), racing,
				TaskStateCodec.withDefaults(), List.of(), List.of(new Recorder()), this.clock, TIMEOUTS);
		Task task = started();
		this.seen.clear();
		this.clock.advance(TIMEOUTS.idleTimeout());
		TaskCleaner cleaner = new TaskCleaner(this.memory, this.clock, 100);
		// the cleanup runs between the request's read and its delete
		racing.afterFind = () -> {
			racing.afterFind = () -> {
			};
			cleaner.clean(engine::expired);
		};

		assertThatExceptionOfType(TaskExpiredException.class).isThrownBy(() -> engine.load(task.id()));

		assertThat(this.seen).containsExactly("expired at " + LOGIN + " (stored: none)");
		assertThat(this.memory.size()).isZero();
	}

	@Test
	void aCompletedTaskFoundExpiredIsNoExpiry() {
		Task task = started();
		Task claimed = submit(task.id(), LOGIN, task.version());
		claimed.state().put("username", "alice");
		this.engine.complete(claimed, Position.parse(LOGIN), Outcome.complete(), ALICE, this.browser);
		claimed = submit(task.id(), CARD, claimed.version(), ALICE);
		this.engine.complete(claimed, Position.parse(CARD), Outcome.complete(), ALICE, this.browser);
		claimed = submit(task.id(), PAY, claimed.version(), ALICE);
		this.engine.complete(claimed, Position.parse(PAY), Outcome.complete(), ALICE, this.browser);
		this.seen.clear();
		this.clock.advance(TIMEOUTS.completedRetention());

		assertThatExceptionOfType(TaskExpiredException.class).isThrownBy(() -> this.engine.load(task.id()));

		assertThat(this.seen).isEmpty();
	}

	@Test
	void aFailingObserverNeitherStopsTheOthersNorTheRequest() {
		List<FlowEvent> heard = new ArrayList<>();
		FlowEngine engine = new FlowEngine(new FlowRegistry(List.of(this.purchase)), this.memory,
				TaskStateCodec.withDefaults(), List.of(), List.of(new FlowObserver() {
					@Override
					public void onEvent(FlowEvent event) {
						throw new IllegalStateException("metrics backend down");
					}
				}, new FlowObserver() {
					@Override
					public void onEvent(FlowEvent event) {
						heard.add(event);
					}
				}), this.clock, TIMEOUTS);
		Task task = engine.newTask(this.purchase, "browser-secret", null);
		task.state().put("item", 42);
		engine.apply(task, Position.parse(ENTRY), Outcome.complete(), null);

		engine.save(task);

		assertThat(heard).hasSize(2).first().isInstanceOf(TaskStartedEvent.class);
		assertThat(this.memory.find(task.id())).isPresent();
	}

	/** A task stored at the login step, through the entry page's first submit. */
	private Task started() {
		String id = entered().id();
		Task task = submit(id, ENTRY, null);
		task.state().put("item", 42);
		this.engine.complete(task, Position.parse(ENTRY), Outcome.complete(), null, this.browser);
		return task;
	}

	private Task entered() {
		return proceeded(this.engine
			.enter(new StepRequest(this.purchase, StepRequest.Kind.ENTRY, null, null, null, null, this.browser)));
	}

	private Task submit(String id, String step, Long version) {
		return submit(id, step, version, null);
	}

	private Task submit(String id, String step, Long version, Principal user) {
		return proceeded(this.engine.enter(new StepRequest(this.purchase, StepRequest.Kind.SUBMIT, Position.parse(step),
				id, version, user, this.browser)));
	}

	private static Task proceeded(StepEntry entry) {
		assertThat(entry).isInstanceOf(StepEntry.Proceed.class);
		return ((StepEntry.Proceed) entry).task();
	}

	/** Writes down each event with what the store holds at that moment. */
	private final class Recorder implements FlowObserver {

		@Override
		public void onEvent(FlowEvent event) {
			String stored = FlowEventsTest.this.memory.find(event.taskId())
				.map((record) -> record.position() + " v" + record.version())
				.orElse("none");
			String what;
			if (event instanceof TaskStartedEvent started) {
				what = "started at " + started.step();
			}
			else if (event instanceof StepCompletedEvent step) {
				what = "step " + step.step() + " " + step.outcome() + " -> "
						+ (step.finishedFlow() ? "(finished)" : step.next());
			}
			else if (event instanceof TaskCompletedEvent completed) {
				what = "completed after " + completed.lastStep();
			}
			else if (event instanceof TaskCancelledEvent cancelled) {
				what = "cancelled at " + cancelled.step();
			}
			else {
				what = "expired at " + ((TaskExpiredEvent) event).step();
			}
			FlowEventsTest.this.seen.add(what + " (stored: " + stored + ")");
		}

		@Override
		public Submission onSubmit(Task task, String step) {
			return (outcome, failure) -> FlowEventsTest.this.submissions
				.add(step + " " + outcome + ((failure != null) ? " " + failure.getClass().getSimpleName() : ""));
		}

	}

}
