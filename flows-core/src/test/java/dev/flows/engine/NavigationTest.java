package dev.flows.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.flows.definition.FlowAction;
import dev.flows.definition.FlowBuilder;
import dev.flows.definition.FlowContext;
import dev.flows.definition.FlowDefinition;
import dev.flows.definition.FlowRegistry;
import dev.flows.definition.NodeDefinition;
import dev.flows.definition.OnGet;
import dev.flows.definition.Outcome;
import dev.flows.definition.Position;
import dev.flows.definition.PreconditionResult;
import dev.flows.definition.ScaffoldDefinition;
import dev.flows.definition.Transition;
import dev.flows.state.TaskStateCodec;
import dev.flows.store.memory.InMemoryTaskStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Navigation through small flows built in code: custom transitions, skipped steps, edge
 * cases.
 */
class NavigationTest {

	@Test
	void aCustomTransitionChoosingANodeThatIsNotItsChildIsRefused() {
		FlowDefinition flow = FlowBuilder.flow("strays", "/strays")
			.action(One.class)
			.scaffold("inner", (inner) -> inner.transition(new StrayTransition()).action(Two.class).action(Three.class))
			.build();
		FlowEngine engine = engine(flow);
		Task task = engine.newTask(flow, "", null);

		assertThatExceptionOfType(InvalidTransitionException.class)
			.isThrownBy(() -> engine.apply(task, Position.parse("one"), Outcome.complete(), null))
			.withMessageContaining(StrayTransition.class.getName())
			.withMessageContaining("not one of its children")
			.withMessageContaining("scaffold.child(");
		assertThat(task.position()).hasToString("one");
		assertThat(task.history()).isEmpty();
	}

	@Test
	void aCustomTransitionChoosingNothingToEnterIsRefused() {
		FlowDefinition flow = FlowBuilder.flow("nothing", "/nothing")
			.scaffold("inner", (inner) -> inner.transition(new Transition() {
				@Override
				public NodeDefinition firstChild(ScaffoldDefinition scaffold, FlowContext context) {
					return null;
				}

				@Override
				public Optional<NodeDefinition> nextChild(ScaffoldDefinition scaffold, NodeDefinition completed,
						FlowContext context) {
					return Optional.empty();
				}
			}).action(One.class))
			.build();
		FlowEngine engine = engine(flow);

		assertThatExceptionOfType(InvalidTransitionException.class).isThrownBy(() -> engine.entryPosition(flow, null))
			.withMessageContaining("chose null");
	}

	@Test
	void aSkippedStepCountsAsCompleted() {
		FlowDefinition flow = FlowBuilder.flow("skips", "/skips")
			.action(One.class)
			.action(Two.class, (two) -> two.precondition(skipWhen("known")))
			.action(Three.class)
			.build();
		FlowEngine engine = engine(flow);
		Task task = engine.newTask(flow, "", null);
		task.state().put("known", true);

		engine.apply(task, Position.parse("one"), Outcome.complete(), null);

		assertThat(task.position()).hasToString("three");
		assertThat(task.history()).extracting(Position::toString).containsExactly("one");
	}

	@Test
	void skippingTheLastStepCompletesTheFlow() {
		FlowDefinition flow = FlowBuilder.flow("skips", "/skips")
			.action(One.class)
			.scaffold("inner", (inner) -> inner.action(Two.class, (two) -> two.precondition(skipWhen("known"))))
			.build();
		FlowEngine engine = engine(flow);
		Task task = engine.newTask(flow, "", null);
		task.state().put("known", true);

		engine.apply(task, Position.parse("one"), Outcome.complete(), null);

		assertThat(task.isCompleted()).isTrue();
		assertThat(task.log()).last().extracting(TransitionRecord::kind).isEqualTo(TransitionKind.FINISH);
	}

	@Test
	void theFirstStepCanBeSkipped() {
		FlowDefinition flow = FlowBuilder.flow("skips", "/skips")
			.action(One.class, (one) -> one.precondition(
					(context) -> context.isAuthenticated() ? PreconditionResult.skip() : PreconditionResult.pass()))
			.action(Two.class)
			.build();
		FlowEngine engine = engine(flow);

		assertThat(engine.entryPosition(flow, () -> "alice")).hasToString("two");
		assertThat(engine.newTask(flow, "", () -> "alice").position()).hasToString("two");
		assertThat(engine.entryPosition(flow, null)).hasToString("one");
	}

	@Test
	void aFlowThatSkipsEveryStepHasNothingToShow() {
		FlowDefinition flow = FlowBuilder.flow("empty", "/empty")
			.action(One.class, (one) -> one.precondition((context) -> PreconditionResult.skip()))
			.build();
		FlowEngine engine = engine(flow);

		assertThatExceptionOfType(InvalidTransitionException.class).isThrownBy(() -> engine.entryPosition(flow, null))
			.withMessageContaining("skips every step");
		assertThatExceptionOfType(InvalidTransitionException.class).isThrownBy(() -> engine.newTask(flow, "", null));
	}

	@Test
	void aTransitionThatSkipsInCirclesStopsInsteadOfSpinning() {
		FlowDefinition flow = FlowBuilder.flow("circles", "/circles")
			.action(One.class)
			.scaffold("loop", (loop) -> loop.transition(new Transition() {
				@Override
				public Optional<NodeDefinition> nextChild(ScaffoldDefinition scaffold, NodeDefinition completed,
						FlowContext context) {
					return Optional.of(completed);
				}
			}).action(Two.class, (two) -> two.precondition((context) -> PreconditionResult.skip())))
			.build();
		FlowEngine engine = engine(flow);
		Task task = engine.newTask(flow, "", null);

		assertThatIllegalStateException()
			.isThrownBy(() -> engine.apply(task, Position.parse("one"), Outcome.complete(), null))
			.withMessageContaining("'circles'");
		assertThat(task.position()).hasToString("one");
	}

	@Test
	void aCompletedChildOfAnExplicitScaffoldCompletesTheScaffold() {
		FlowDefinition flow = FlowBuilder.flow("explicit", "/explicit")
			.scaffold("choice",
					(choice) -> choice.transition(dev.flows.definition.ExplicitTransition.INSTANCE)
						.action(One.class, (one) -> one.targets(Three.class))
						.action(Two.class)
						.action(Three.class))
			.action(Four.class)
			.build();
		FlowEngine engine = engine(flow);
		Task task = engine.newTask(flow, "", null);

		engine.apply(task, Position.parse("choice/one"), Outcome.goTo(Three.class), null);
		assertThat(task.position()).hasToString("choice/three");
		engine.apply(task, Position.parse("choice/three"), Outcome.complete(), null);
		assertThat(task.position()).hasToString("four");
	}

	@Test
	void aStepCanGoToAChildOfAnOuterScaffold() {
		FlowDefinition flow = FlowBuilder.flow("outer", "/outer")
			.action(One.class)
			.scaffold("deep",
					(deep) -> deep.scaffold("deeper",
							(deeper) -> deeper.action(Two.class, (two) -> two.targets(One.class)).action(Three.class)))
			.action(Four.class)
			.build();
		FlowEngine engine = engine(flow);
		Task task = engine.newTask(flow, "", null);
		engine.apply(task, Position.parse("one"), Outcome.complete(), null);
		assertThat(task.position()).hasToString("deep/deeper/two");

		engine.apply(task, Position.parse("deep/deeper/two"), Outcome.goTo(One.class), null);

		assertThat(task.position()).hasToString("one");
		assertThat(task.history()).extracting(Position::toString).containsExactly("one", "deep/deeper/two");
	}

	private static dev.flows.definition.Precondition skipWhen(String key) {
		return (context) -> context.state().contains(key) ? PreconditionResult.skip() : PreconditionResult.pass();
	}

	private static FlowEngine engine(FlowDefinition flow) {
		return new FlowEngine(new FlowRegistry(List.of(flow)), new InMemoryTaskStore(), TaskStateCodec.withDefaults(),
				List.of(), new MutableClock(Instant.EPOCH), TaskTimeouts.DEFAULTS);
	}

	/**
	 * Answers with the first top-level step of the flow, which is not one of its
	 * children.
	 */
	static class StrayTransition implements Transition {

		@Override
		public NodeDefinition firstChild(ScaffoldDefinition scaffold, FlowContext context) {
			return context.flow().root().children().get(0);
		}

		@Override
		public Optional<NodeDefinition> nextChild(ScaffoldDefinition scaffold, NodeDefinition completed,
				FlowContext context) {
			return Optional.empty();
		}

	}

	@FlowAction
	static class One {

		@OnGet
		String show() {
			return "one";
		}

	}

	@FlowAction
	static class Two {

		@OnGet
		String show() {
			return "two";
		}

	}

	@FlowAction
	static class Three {

		@OnGet
		String show() {
			return "three";
		}

	}

	@FlowAction
	static class Four {

		@OnGet
		String show() {
			return "four";
		}

	}

}
