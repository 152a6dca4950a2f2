package dev.flows.engine;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.flows.definition.FlowBuilder;
import dev.flows.definition.FlowDefinition;
import dev.flows.definition.FlowRegistry;
import dev.flows.definition.Outcome;
import dev.flows.definition.Position;
import dev.flows.engine.purchase.ConfirmItem;
import dev.flows.engine.purchase.Purchase;
import dev.flows.state.TaskStateCodec;
import dev.flows.store.memory.InMemoryTaskStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FlowEngine#peek}: a task read for a view that changes nothing (the flow graph),
 * by the same rules as every flow request, and without a single write.
 */
class FlowEnginePeekTest {

	private static final Principal ALICE = () -> "alice";

	private static final Principal BOB = () -> "bob";

	private static final Position LOGIN = Position.parse("get-user-account/login-or-register");

	private final MutableClock clock = new MutableClock(Instant.parse("2030-05-01T09:00:00Z"));

	private final CountingTaskStore store = new CountingTaskStore(new InMemoryTaskStore());

	private final FlowDefinition purchase = FlowBuilder.fromAnnotatedClass(Purchase.class).build();

	private final FlowEngine engine = new FlowEngine(new FlowRegistry(List.of(this.purchase)), this.store,
			new TaskStateCodec(TaskStateCodec.defaultMapper(), 1024), List.of(), this.clock,
			new TaskTimeouts(Duration.ofMinutes(20), Duration.ofMinutes(10), Duration.ofMinutes(1),
					Duration.ofSeconds(30), Duration.ZERO));

	private final TaskBinding browser = binding("browser-secret");

	@Test
	void theOwnerInTheTasksBrowserSeesItAndNothingIsWritten() {
		Task started = start(ALICE);
		int writes = this.store.writes();

		Task seen = this.engine.peek(this.purchase, started.id(), ALICE, this.browser).orElseThrow();

		assertThat(seen.position()).isEqualTo(started.position()).isNotEqualTo(Position.parse("confirm-item"));
		assertThat(seen.history()).containsExactly(Position.parse("confirm-item"));
		assertThat(this.store.writes()).isEqualTo(writes);
	}

	@Test
	void anotherUserAnotherBrowserOrAnotherFlowSeeNothing() {
		String id = start(ALICE).id();
		FlowDefinition other = FlowBuilder.flow("other", "/other").action(ConfirmItem.class).build();

		assertThat(this.engine.peek(this.purchase, id, BOB, this.browser)).isEmpty();
		assertThat(this.engine.peek(this.purchase, id, null, this.browser)).isEmpty();
		assertThat(this.engine.peek(this.purchase, id, ALICE, binding("another-browser"))).isEmpty();
		assertThat(this.engine.peek(other, id, ALICE, this.browser)).isEmpty();
	}

	@Test
	void anExpiredUnknownMalformedOrMissingIdIsEmptyAlike() {
		String id = start(ALICE).id();
		int finds = this.store.calls("find");

		assertThat(this.engine.peek(this.purchase, "../etc", ALICE, this.browser)).isEmpty();
		assertThat(this.engine.peek(this.purchase, null, ALICE, this.browser)).isEmpty();
		assertThat(this.store.calls("find")).as("malformed ids are not looked up").isEqualTo(finds);
		assertThat(this.engine.peek(this.purchase, "AAAAAAAAAAAAAAAAAAAAAA", ALICE, this.browser)).isEmpty();
		this.clock.advance(Duration.ofMinutes(21));
		assertThat(this.engine.peek(this.purchase, id, ALICE, this.browser)).isEmpty();
	}

	@Test
	void anAnonymousTaskIsShownToWhoeverSignedInSinceWithoutBeingAdopted() {
		String id = start(null).id();
		int writes = this.store.writes();

		assertThat(this.engine.peek(this.purchase, id, ALICE, this.browser)).get()
			.extracting(Task::position)
			.isEqualTo(LOGIN);
		assertThat(this.store.writes()).isEqualTo(writes);
		assertThat(this.store.find(id).orElseThrow().owner()).isEmpty();
	}

	private Task start(Principal user) {
		StepEntry entry = this.engine.enter(new StepRequest(this.purchase, StepRequest.Kind.SUBMIT,
				Position.parse("confirm-item"), null, null, user, this.browser));
		Task task = ((StepEntry.Proceed) entry).task();
		task.state().put("item", 42);
		this.engine.complete(task, Position.parse("confirm-item"), Outcome.complete(), user, this.browser);
		return task;
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
