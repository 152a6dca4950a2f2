package dev.flows.test;

import java.util.ArrayList;
import java.util.List;

import dev.flows.definition.Outcome;
import dev.flows.engine.FlowHook;
import dev.flows.engine.TransitionEvent;
import dev.flows.test.app.Join;
import dev.flows.test.app.Name;
import dev.flows.test.app.Voucher;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link FlowTester} on the {@code /join} flow of the kit's test application, without a
 * web context.
 */
class FlowTesterTests {

	private final FlowTester join = FlowTester.of(Join.class);

	@Test
	void theTaskStartsAtTheFirstStepAndIsStoredByTheFirstSubmit() {
		this.join.start();
		assertThat(this.join).isAtStep("name").isAtStep(Name.class);
		assertThat(this.join.task().isPersisted()).isFalse();

		this.join.put("name", "Alice").complete();

		assertThat(this.join).isAtStep("choose/plan").hasStateKey("name").hasState("name", "Alice").hasHistory("name");
		assertThat(this.join.task().isPersisted()).isTrue();
	}

	@Test
	void theWholeFlowCompletes() {
		this.join.put("name", "Alice").complete();
		this.join.put("plan", "pro").complete();
		this.join.complete();
		this.join.signedInAs("alice").put("note", "hi").complete();

		assertThat(this.join).isCompleted().hasState("plan", "pro").hasState("note", "hi");
		assertThat(this.join.step()).isEqualTo("confirm");
	}

	@Test
	void goToTakesTheBranchAndItsCompletionLeavesTheScaffold() {
		this.join.put("name", "Vera").complete();

		this.join.goTo(Voucher.class);
		assertThat(this.join).isAtStep("choose/voucher");

		this.join.put("voucher", "GIFT").complete();
		assertThat(this.join).isAtStep("newsletter").hasHistory("name", "choose/plan", "choose/voucher");
	}

	@Test
	void backDropsTheAnswersOfTheStepsGivenUp() {
		this.join.put("name", "Alice").complete();
		this.join.put("plan", "pro").complete();

		this.join.back();
		assertThat(this.join).isAtStep("choose/plan").hasState("plan", "pro");
		this.join.back();

		assertThat(this.join).isAtStep("name").doesNotHaveStateKey("plan").hasState("name", "Alice");
	}

	@Test
	void submittingAStepOfTheHistoryRewindsToIt() {
		this.join.put("name", "Alice").complete();
		this.join.put("plan", "pro").complete();

		this.join.submit("name", (state) -> state.put("name", "Alicia"), Outcome.complete());

		assertThat(this.join).isAtStep("choose/plan").hasState("name", "Alicia").doesNotHaveStateKey("plan");
	}

	@Test
	void redisplayKeepsTheTaskWhereItWas() {
		this.join.put("name", "Alice").complete();
		long version = this.join.task().version();

		this.join.put("plan", "pro").submit(Outcome.redisplay());

		assertThat(this.join).isAtStep("choose/plan").doesNotHaveStateKey("plan");
		assertThat(this.join.task().version()).isEqualTo(version);
	}

	@Test
	void cancelDeletesTheTask() {
		this.join.put("name", "Alice").complete();

		this.join.cancel();

		assertThat(this.join).isCancelled();
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(this.join).isAtStep("choose/plan"))
			.withMessageContaining("it was cancelled");
	}

	@Test
	void aStepThatNeedsALoginFailsClearlyForNobody() {
		this.join.put("name", "Alice").complete();
		this.join.complete();
		this.join.complete();

		assertThatExceptionOfType(AssertionError.class).isThrownBy(this.join::complete)
			.withMessageContaining("Submitting step 'confirm' was not served")
			.withMessageContaining("needs a signed-in user: call signedInAs(...) first");
	}

	@Test
	void aStepNotReachedYetCannotBeSubmitted() {
		this.join.put("name", "Alice").complete();

		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> this.join.submit("newsletter", (state) -> {
		}, Outcome.complete()))
			.withMessageContaining("Submitting step 'newsletter' was not served")
			.withMessageContaining("the task is at 'choose/plan'");
	}

	@Test
	void assertionsSayWhereTheTaskIs() {
		this.join.put("name", "Alice").complete();

		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(this.join).isAtStep("newsletter"))
			.withMessageContaining("Expected the task at step 'newsletter' but it is at 'choose/plan' (after [name])");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(this.join).hasState("name", "Bob"))
			.withMessageContaining("Expected the task's state to hold Bob under 'name' but it holds Alice");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(this.join).isCompleted())
			.withMessageContaining("Expected the task to be completed but it is at 'choose/plan'");
	}

	@Test
	void hooksRunAroundEveryMove() {
		List<String> moves = new ArrayList<>();
		FlowTester tester = FlowTester.of(Join.class).withHook(new FlowHook() {

			@Override
			public void afterTransition(TransitionEvent event) {
				moves.add(event.kind() + " " + event.to());
			}

		});

		tester.put("name", "Alice").complete();
		tester.back();

		assertThat(moves).containsExactly("ADVANCE choose/plan", "BACK name");
	}

}
