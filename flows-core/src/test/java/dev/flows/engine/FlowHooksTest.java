package dev.flows.engine;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.flows.definition.FlowBuilder;
import dev.flows.definition.FlowDefinition;
import dev.flows.definition.FlowRegistry;
import dev.flows.definition.NodeDefinition;
import dev.flows.definition.Outcome;
import dev.flows.definition.Position;
import dev.flows.engine.purchase.ForgotPassword;
import dev.flows.engine.purchase.Purchase;
import dev.flows.state.TaskStateCodec;
import dev.flows.store.memory.InMemoryTaskStore;
import org.junit.jupiter.api.Test;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class FlowHooksTest {

	private static final Principal ALICE = () -> "alice";

	private static final String LOGIN = "get-user-account/login-or-register";

	private static final String CREDIT_CARD = "choose-payment/new-payment-method/credit-card";

	private final MutableClock clock = new MutableClock(Instant.parse("2030-05-01T09:00:00Z"));

	private final InMemoryTaskStore store = new InMemoryTaskStore();

	private final FlowDefinition purchase = FlowBuilder.fromAnnotatedClass(Purchase.class).build();

	private final List<String> calls = new ArrayList<>();

	/** Failing hooks fail only once the task has been set up. */
	private boolean armed;

	@Test
	void hooksRunChecksThenBeforeAndLeaveThenTheMoveThenAfterAndEnter() {
		// Declared out of order: the engine sorts by Spring's order (lowest first), then
		// by name.
		FlowEngine engine = engine(new RecordingHook("c", 0), new RecordingHook("a", -10), new RecordingHook("b", 0));
		Task task = taskAt(engine, LOGIN);
		this.calls.clear();

		engine.complete(task, Position.parse(LOGIN), Outcome.complete(), ALICE);

		assertThat(this.calls).containsExactly("a check " + LOGIN + " at " + LOGIN, "b check " + LOGIN + " at " + LOGIN,
				"c check " + LOGIN + " at " + LOGIN, "a before at " + LOGIN, "a leave " + LOGIN,
				"a leave get-user-account", "b before at " + LOGIN, "b leave " + LOGIN, "b leave get-user-account",
				"c before at " + LOGIN, "c leave " + LOGIN, "c leave get-user-account",
				"a after at " + CREDIT_CARD + " logged ADVANCE", "a enter choose-payment",
				"a enter choose-payment/new-payment-method", "a enter " + CREDIT_CARD,
				"b after at " + CREDIT_CARD + " logged ADVANCE", "b enter choose-payment",
				"b enter choose-payment/new-payment-method", "b enter " + CREDIT_CARD,
				"c after at " + CREDIT_CARD + " logged ADVANCE", "c enter choose-payment",
				"c enter choose-payment/new-payment-method", "c enter " + CREDIT_CARD);
	}

	@Test
	void hooksAnnotatedWithOrderRunInSpringsOrderAndEventsAreAnnouncedLast() {
		List<String> published = new ArrayList<>();
		FlowEngine engine = engine(
				new ApplicationEventFlowHook((event) -> published.add("event, after: " + this.calls)), new LateHook(),
				new RecordingHook("early", Ordered.HIGHEST_PRECEDENCE));
		Task task = taskAt(engine, LOGIN);
		this.calls.clear();
		published.clear();

		engine.complete(task, Position.parse(LOGIN), Outcome.complete(), ALICE);

		assertThat(this.calls.get(0)).startsWith("early check");
		assertThat(this.calls).contains("late after");
		assertThat(this.calls.indexOf("late after")).isGreaterThan(this.calls.indexOf("early enter " + CREDIT_CARD));
		assertThat(published).singleElement().asString().contains("late after");
	}

	@Test
	void finishingLeavesEveryNodeUpToTheRootAndEntersNone() {
		FlowEngine engine = engine(new RecordingHook("a", 0));
		Task task = taskAt(engine, "confirm-and-pay");
		this.calls.clear();

		engine.complete(task, Position.parse("confirm-and-pay"), Outcome.complete(), ALICE);

		assertThat(this.calls).containsExactly("a check confirm-and-pay at confirm-and-pay",
				"a before at confirm-and-pay", "a leave confirm-and-pay", "a leave ",
				"a after at confirm-and-pay logged FINISH");
	}

	@Test
	void hooksSeeTheEventOfTheMove() {
		List<TransitionEvent> events = new ArrayList<>();
		FlowEngine engine = engine(new FlowHook() {
			@Override
			public void afterTransition(TransitionEvent event) {
				events.add(event);
			}
		});
		Task task = taskAt(engine, LOGIN);

		engine.complete(task, Position.parse(LOGIN), Outcome.goTo(ForgotPassword.class), ALICE);
		engine.goBack(task, ALICE);

		assertThat(events).hasSize(3);
		TransitionEvent goTo = events.get(1);
		assertThat(goTo.task()).isSameAs(task);
		assertThat(goTo.flow()).isSameAs(this.purchase);
		assertThat(goTo.kind()).isEqualTo(TransitionKind.ADVANCE);
		assertThat(goTo.from()).hasToString(LOGIN);
		assertThat(goTo.to()).hasToString("get-user-account/forgot-password/enter-email");
		assertThat(goTo.target()).contains(Position.parse("get-user-account/forgot-password/enter-email"));
		assertThat(goTo.outcome().kind()).isEqualTo(Outcome.Kind.GO_TO);
		assertThat(goTo.principal()).isSameAs(ALICE);
		TransitionEvent back = events.get(2);
		assertThat(back.kind()).isEqualTo(TransitionKind.BACK);
		assertThat(back.outcome()).isNull();
		assertThat(back.to()).hasToString(LOGIN);
	}

	@Test
	void aVetoStopsTheMoveAndLeavesTheTaskUnchanged() {
		VetoingHook veto = new VetoingHook(null);
		FlowEngine engine = engine(veto, new RecordingHook("z", -5));
		Task task = taskAt(engine, LOGIN);
		Snapshot before = new Snapshot(task);
		this.calls.clear();
		veto.reason = "Sold out";

		assertThatExceptionOfType(ForbiddenTransitionException.class)
			.isThrownBy(() -> engine.apply(task, Position.parse(LOGIN), Outcome.complete(), ALICE))
			.satisfies((ex) -> {
				assertThat(ex.reason()).isEqualTo("Sold out");
				assertThat(ex.hookName()).isEqualTo("veto");
				assertThat(ex.getMessage()).contains("veto").contains("Sold out");
			});

		assertThat(new Snapshot(task)).isEqualTo(before);
		assertThat(this.calls).as("no before or after hook ran").allMatch((call) -> call.contains(" check "));
	}

	@Test
	void aVetoedBackOrRewindLeavesTheTaskUnchanged() {
		VetoingHook veto = new VetoingHook(null);
		FlowEngine engine = engine(veto);
		Task task = taskAt(engine, CREDIT_CARD);
		Snapshot before = new Snapshot(task);
		veto.reason = "No way back";

		assertThatExceptionOfType(ForbiddenTransitionException.class).isThrownBy(() -> engine.back(task, ALICE));
		assertThatExceptionOfType(ForbiddenTransitionException.class)
			.isThrownBy(() -> engine.rewind(task, Position.parse("confirm-item"), ALICE));

		assertThat(new Snapshot(task)).isEqualTo(before);
		assertThat(task.state().contains("item")).isTrue();
	}

	@Test
	void aVetoedCancelKeepsTheStoredTask() {
		VetoingHook veto = new VetoingHook(null);
		FlowEngine engine = engine(veto);
		Task task = taskAt(engine, LOGIN);
		engine.save(task);
		veto.reason = "Payment in progress";

		assertThatExceptionOfType(ForbiddenTransitionException.class)
			.isThrownBy(() -> engine.apply(task, Position.parse(LOGIN), Outcome.cancel(), ALICE));

		assertThat(this.store.find(task.id())).isPresent();
		assertThat(task.log()).last().extracting(TransitionRecord::kind).isNotEqualTo(TransitionKind.CANCEL);
	}

	@Test
	void anExceptionInABeforeHookLeavesTheTaskUnchanged() {
		// "a" runs first; "failing" (unordered) and "z" come last, by name.
		FlowEngine engine = engine(new RecordingHook("a", -1), new FlowHook() {
			@Override
			public void beforeTransition(TransitionEvent event) {
				if (FlowHooksTest.this.armed) {
					throw new IllegalStateException("audit service down");
				}
			}

			@Override
			public String name() {
				return "failing";
			}
		}, new RecordingHook("z", Ordered.LOWEST_PRECEDENCE));
		Task task = taskAt(engine, LOGIN);
		Snapshot before = new Snapshot(task);
		this.calls.clear();
		this.armed = true;

		assertThatIllegalStateException()
			.isThrownBy(() -> engine.apply(task, Position.parse(LOGIN), Outcome.complete(), ALICE))
			.withMessage("audit service down");

		assertThat(new Snapshot(task)).isEqualTo(before);
		assertThat(this.calls)
			.noneMatch((call) -> call.startsWith("z before") || call.contains(" after ") || call.contains(" enter "));
	}

	@Test
	void anExceptionInAnOnLeaveHookLeavesTheTaskUnchanged() {
		FlowEngine engine = engine(new FlowHook() {
			@Override
			public void onLeave(NodeDefinition node, Position position, TransitionEvent event) {
				if (FlowHooksTest.this.armed) {
					throw new IllegalStateException("cannot leave " + position);
				}
			}
		});
		Task task = taskAt(engine, CREDIT_CARD);
		Snapshot before = new Snapshot(task);
		this.armed = true;

		assertThatIllegalStateException().isThrownBy(() -> engine.back(task, ALICE))
			.withMessage("cannot leave " + CREDIT_CARD);

		assertThat(new Snapshot(task)).isEqualTo(before);
	}

	@Test
	void theTransitionLogRecordsFromToKindOutcomeAndTime() {
		FlowEngine engine = engine();
		Instant start = this.clock.instant();
		Task task = engine.newTask(this.purchase, "", null);
		this.clock.advance(Duration.ofSeconds(10));
		engine.apply(task, Position.parse("confirm-item"), Outcome.complete(), null);
		this.clock.advance(Duration.ofSeconds(10));
		engine.apply(task, Position.parse(LOGIN), Outcome.goTo(ForgotPassword.class), null);
		this.clock.advance(Duration.ofSeconds(10));
		engine.back(task, null);
		this.clock.advance(Duration.ofSeconds(10));
		engine.apply(task, Position.parse(LOGIN), Outcome.complete(), ALICE);
		this.clock.advance(Duration.ofSeconds(10));
		engine.rewind(task, Position.parse("confirm-item"), ALICE);
		this.clock.advance(Duration.ofSeconds(10));
		engine.cancel(task, ALICE);

		assertThat(task.log()).containsExactly(
				new TransitionRecord("", "confirm-item", TransitionKind.START, null, start),
				new TransitionRecord("confirm-item", LOGIN, TransitionKind.ADVANCE, "complete", start.plusSeconds(10)),
				new TransitionRecord(LOGIN, "get-user-account/forgot-password/enter-email", TransitionKind.ADVANCE,
						"goTo(ForgotPassword)", start.plusSeconds(20)),
				new TransitionRecord("get-user-account/forgot-password/enter-email", LOGIN, TransitionKind.BACK, null,
						start.plusSeconds(30)),
				new TransitionRecord(LOGIN, CREDIT_CARD, TransitionKind.ADVANCE, "complete", start.plusSeconds(40)),
				new TransitionRecord(CREDIT_CARD, "confirm-item", TransitionKind.REWIND, null, start.plusSeconds(50)),
				new TransitionRecord("confirm-item", "", TransitionKind.CANCEL, "cancel", start.plusSeconds(60)));
	}

	@Test
	void finishingIsLoggedWithAnEmptyTarget() {
		FlowEngine engine = engine();
		Task task = taskAt(engine, "confirm-and-pay");

		engine.apply(task, Position.parse("confirm-and-pay"), Outcome.complete(), ALICE);

		assertThat(task.log()).last()
			.isEqualTo(new TransitionRecord("confirm-and-pay", "", TransitionKind.FINISH, "complete",
					this.clock.instant()));
	}

	@Test
	void theLogKeepsOnlyTheLatestEntries() {
		FlowEngine engine = engine();
		Task task = taskAt(engine, LOGIN);
		for (int i = 0; i < 60; i++) {
			engine.apply(task, Position.parse(LOGIN), Outcome.goTo(ForgotPassword.class), null);
			engine.back(task, null);
		}

		assertThat(task.log()).hasSize(Task.MAX_LOG_ENTRIES);
		assertThat(task.log()).last().extracting(TransitionRecord::kind).isEqualTo(TransitionKind.BACK);
		assertThat(task.log()).extracting(TransitionRecord::kind).doesNotContain(TransitionKind.START);
	}

	// --- support ---

	private FlowEngine engine(FlowHook... hooks) {
		return new FlowEngine(new FlowRegistry(List.of(this.purchase)), this.store, TaskStateCodec.withDefaults(),
				List.of(hooks), this.clock, TaskTimeouts.DEFAULTS);
	}

	/** A new (unsaved) task moved to {@code step} along the shortest route. */
	private Task taskAt(FlowEngine engine, String step) {
		Task task = engine.newTask(this.purchase, "secret", null);
		task.state().put("item", 42);
		engine.apply(task, Position.parse("confirm-item"), Outcome.complete(), null);
		if (!step.equals(LOGIN)) {
			task.state().put("username", "alice");
			engine.apply(task, Position.parse(LOGIN), Outcome.complete(), null);
			if (step.equals("confirm-and-pay")) {
				engine.apply(task, Position.parse(CREDIT_CARD), Outcome.complete(), ALICE);
			}
		}
		assertThat(task.position()).hasToString(step);
		engine.save(task);
		return task;
	}

	private final class RecordingHook implements FlowHook, Ordered {

		private final String name;

		private final int order;

		RecordingHook(String name, int order) {
			this.name = name;
			this.order = order;
		}

		@Override
		public String name() {
			return this.name;
		}

		@Override
		public int getOrder() {
			return this.order;
		}

		@Override
		public Optional<String> check(TransitionEvent event) {
			FlowHooksTest.this.calls.add(this.name + " check " + event.from() + " at " + event.task().position());
			return Optional.empty();
		}

		@Override
		public void beforeTransition(TransitionEvent event) {
			FlowHooksTest.this.calls.add(this.name + " before at " + event.task().position());
		}

		@Override
		public void onLeave(NodeDefinition node, Position position, TransitionEvent event) {
			assertThat(event.flow().node(position)).containsSame(node);
			FlowHooksTest.this.calls.add(this.name + " leave " + position);
		}

		@Override
		public void afterTransition(TransitionEvent event) {
			List<TransitionRecord> log = event.task().log();
			FlowHooksTest.this.calls
				.add(this.name + " after at " + event.task().position() + " logged " + log.get(log.size() - 1).kind());
		}

		@Override
		public void onEnter(NodeDefinition node, Position position, TransitionEvent event) {
			assertThat(event.flow().node(position)).containsSame(node);
			FlowHooksTest.this.calls.add(this.name + " enter " + position);
		}

	}

	@Order(100)
	private final class LateHook implements FlowHook {

		@Override
		public void afterTransition(TransitionEvent event) {
			FlowHooksTest.this.calls.add("late after");
		}

	}

	@Order(-100)
	private final class VetoingHook implements FlowHook {

		private String reason;

		VetoingHook(String reason) {
			this.reason = reason;
		}

		@Override
		public String name() {
			return "veto";
		}

		@Override
		public Optional<String> check(TransitionEvent event) {
			FlowHooksTest.this.calls.add("veto check " + event.from());
			return Optional.ofNullable(this.reason);
		}

		@Override
		public void beforeTransition(TransitionEvent event) {
			FlowHooksTest.this.calls.add("veto before");
		}

	}

	/** What a move may change. */
	private record Snapshot(Position position, List<Position> history, List<TransitionRecord> log, TaskStatus status,
			String state) {

		Snapshot(Task task) {
			this(task.position(), List.copyOf(task.history()), List.copyOf(task.log()), task.status(),
					TaskStateCodec.withDefaults().write(task.state()));
		}

	}

}
