package dev.flows.state;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.flows.definition.FlowBuilder;
import dev.flows.definition.FlowDefinition;
import dev.flows.definition.FlowRegistry;
import dev.flows.definition.Outcome;
import dev.flows.definition.Position;
import dev.flows.engine.FlowEngine;
import dev.flows.engine.MutableClock;
import dev.flows.engine.Task;
import dev.flows.engine.TaskTimeouts;
import dev.flows.engine.purchase.Purchase;
import dev.flows.store.TaskRecord;
import dev.flows.store.memory.InMemoryTaskStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The state size limit, enforced when the engine saves a task. */
class StateSizeLimitTest {

	private static final int LIMIT = 1024;

	private final MutableClock clock = new MutableClock(Instant.parse("2030-05-01T09:00:00Z"));

	private final InMemoryTaskStore store = new InMemoryTaskStore();

	private final FlowDefinition purchase = FlowBuilder.fromAnnotatedClass(Purchase.class).build();

	private final FlowEngine engine = new FlowEngine(new FlowRegistry(List.of(this.purchase)), this.store,
			new TaskStateCodec(TaskStateCodec.defaultMapper(), LIMIT), List.of(), this.clock, TaskTimeouts.DEFAULTS);

	@Test
	void savingATooLargeStateLeavesTheStoredTaskUnchanged() {
		Task task = this.engine.newTask(this.purchase, "secret", null);
		task.state().put("item", 42);
		this.engine.apply(task, Position.parse("confirm-item"), Outcome.complete(), null);
		this.engine.save(task);
		TaskRecord before = this.store.find(task.id()).orElseThrow();

		Task loaded = this.engine.load(task.id());
		loaded.state().put("notes", "x".repeat(LIMIT));
		this.engine.apply(loaded, Position.parse("get-user-account/login-or-register"), Outcome.complete(), null);
		this.clock.advance(Duration.ofSeconds(5));

		assertThatExceptionOfType(StateTooLargeException.class).isThrownBy(() -> this.engine.save(loaded))
			.satisfies((ex) -> {
				assertThat(ex.limit()).isEqualTo(LIMIT);
				assertThat(ex.size()).isGreaterThan(LIMIT);
			});

		assertThat(this.store.find(task.id())).contains(before);
		assertThat(loaded.version()).isZero();
		assertThat(this.engine.load(task.id()).position()).hasToString("get-user-account/login-or-register");
	}

	@Test
	void aTooLargeFirstSaveStoresNothing() {
		Task task = this.engine.newTask(this.purchase, "secret", null);
		task.state().put("notes", "x".repeat(LIMIT));

		assertThatExceptionOfType(StateTooLargeException.class).isThrownBy(() -> this.engine.save(task));

		assertThat(task.isPersisted()).isFalse();
		assertThat(this.store.size()).isZero();
	}

	@Test
	void aStateBackUnderTheLimitSavesAgain() {
		Task task = this.engine.newTask(this.purchase, "secret", null);
		task.state().put("notes", "x".repeat(LIMIT));
		assertThatExceptionOfType(StateTooLargeException.class).isThrownBy(() -> this.engine.save(task));

		task.state().remove("notes");
		this.engine.save(task);

		assertThat(this.store.find(task.id())).isPresent();
	}

}
