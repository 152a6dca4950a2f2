package dev.flows.engine;

import java.time.Instant;
import java.util.List;

import dev.flows.definition.FlowAction;
import dev.flows.definition.FlowBuilder;
import dev.flows.definition.FlowDefinition;
import dev.flows.definition.FlowRegistry;
import dev.flows.definition.OnGet;
import dev.flows.definition.Outcome;
import dev.flows.definition.Position;
import dev.flows.state.TaskStateCodec;
import dev.flows.store.memory.InMemoryTaskStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which answers a rewind or Back drops when a step was visited more than once: a step's
 * state is cleared when the user goes back to before it, not while it is still in the
 * history kept. Found by {@link EnginePropertiesTest}.
 */
class RewindStateTest {

	/** Name, then review; the review can send the user back to edit the name. */
	private final FlowDefinition flow = FlowBuilder.flow("edit", "/edit")
		.action(Name.class, (name) -> name.owns("name"))
		.action(Review.class, (review) -> review.owns("reviewed").targets(Name.class))
		.action(Pay.class)
		.build();

	private final FlowEngine engine = new FlowEngine(new FlowRegistry(List.of(this.flow)), new InMemoryTaskStore(),
			TaskStateCodec.withDefaults(), List.of(), new MutableClock(Instant.EPOCH), TaskTimeouts.DEFAULTS);

	@Test
	void rewindingToALaterStepKeepsTheAnswerOfAStepStillInTheHistory() {
		Task task = editingTheNameAgain();

		// The browser's Back button shows the review again, and the user submits it.
		this.engine.rewind(task, Position.parse("review"), null);

		assertThat(task.position()).hasToString("review");
		assertThat(task.history()).extracting(Position::toString).containsExactly("name");
		assertThat(task.state().get("name", String.class)).as("'name' is in the history, answered").isEqualTo("Ada");
	}

	@Test
	void goingBackKeepsTheAnswerOfAStepStillInTheHistory() {
		Task task = editingTheNameAgain();

		this.engine.back(task, null);

		assertThat(task.position()).hasToString("review");
		assertThat(task.history()).extracting(Position::toString).containsExactly("name");
		assertThat(task.state().get("name", String.class)).as("'name' is in the history, answered").isEqualTo("Ada");
	}

	@Test
	void rewindingToBeforeEveryVisitOfAStepDropsItsAnswer() {
		Task task = editingTheNameAgain();
		task.state().put("name", "Ada Lovelace");
		this.engine.apply(task, Position.parse("name"), Outcome.complete(), null);
		assertThat(task.history()).extracting(Position::toString).containsExactly("name", "review", "name");

		this.engine.rewind(task, Position.parse("name"), null);

		assertThat(task.history()).extracting(Position::toString).containsExactly("name", "review");
		assertThat(task.state().get("name", String.class)).as("the step rewound to keeps its answer")
			.isEqualTo("Ada Lovelace");
		assertThat(task.state().contains("reviewed")).as("'review' is still in the history").isTrue();

		this.engine.rewind(task, Position.parse("review"), null);
		this.engine.back(task, null);

		assertThat(task.history()).isEmpty();
		assertThat(task.state().contains("reviewed")).as("gone back to before 'review'").isFalse();
	}

	/** At "name" again, by the review's goTo, after answering both steps once. */
	private Task editingTheNameAgain() {
		Task task = this.engine.newTask(this.flow, "", null);
		task.state().put("name", "Ada");
		this.engine.apply(task, Position.parse("name"), Outcome.complete(), null);
		task.state().put("reviewed", true);
		this.engine.apply(task, Position.parse("review"), Outcome.goTo(Name.class), null);
		assertThat(task.position()).hasToString("name");
		assertThat(task.history()).extracting(Position::toString).containsExactly("name", "review");
		return task;
	}

	@FlowAction
	static class Name {

		@OnGet
		void show() {
		}

	}

	@FlowAction
	static class Review {

		@OnGet
		void show() {
		}

	}

	@FlowAction
	static class Pay {

		@OnGet
		void show() {
		}

	}

}
