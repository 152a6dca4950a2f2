package dev.flows.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import dev.flows.definition.FlowBuilder;
import dev.flows.definition.FlowDefinition;
import dev.flows.definition.FlowRegistry;
import dev.flows.definition.Outcome;
import dev.flows.definition.Position;
import dev.flows.engine.purchase.ForgotPassword;
import dev.flows.engine.purchase.Purchase;
import dev.flows.state.TaskStateCodec;
import dev.flows.store.CorruptTaskException;
import dev.flows.store.StaleTaskException;
import dev.flows.store.TaskRecord;
import dev.flows.store.memory.InMemoryTaskStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TaskPersistenceTest {

	private static final Instant START = Instant.parse("2030-05-01T09:00:00Z");

	private static final TaskTimeouts TIMEOUTS = new TaskTimeouts(Duration.ofMinutes(20), Duration.ofMinutes(10),
			Duration.ofMinutes(1));

	private static final String LOGIN = "get-user-account/login-or-register";

	private final MutableClock clock = new MutableClock(START);

	private final InMemoryTaskStore memory = new InMemoryTaskStore();

	private final CountingTaskStore store = new CountingTaskStore(this.memory);

	private final FlowDefinition purchase = FlowBuilder.fromAnnotatedClass(Purchase.class).build();

	private final FlowEngine engine = new FlowEngine(new FlowRegistry(List.of(this.purchase)), this.store,
			TaskStateCodec.withDefaults(), List.of(), this.clock, TIMEOUTS);

	@Test
	void aNewTaskIsNotStoredUntilSaved() {
		Task task = this.engine.newTask(this.purchase, "secret", null);

		assertThat(task.isPersisted()).isFalse();
		assertThat(task.createdAt()).isEqualTo(START);
		assertThat(task.expiresAt()).isEqualTo(START.plus(TIMEOUTS.idleTimeout()));
		assertThat(this.store.writes()).isZero();
		assertThat(this.memory.size()).isZero();
	}

	@Test
	void theFirstSaveInsertsVersionZeroAndEachSaveAfterItAddsOne() {
		Task task = this.engine.newTask(this.purchase, "secret", null);

		this.engine.save(task);
		assertThat(task.isPersisted()).isTrue();
		assertThat(task.version()).isZero();
		assertThat(this.memory.find(task.id())).get().extracting(TaskRecord::version).isEqualTo(0L);
		assertThat(this.store.calls("insert")).isEqualTo(1);

		this.engine.apply(task, Position.parse("confirm-item"), Outcome.complete(), null);
		this.engine.save(task);
		assertThat(task.version()).isEqualTo(1);
		this.engine.save(task);
		assertThat(task.version()).isEqualTo(2);
		assertThat(this.memory.find(task.id())).get().extracting(TaskRecord::version).isEqualTo(2L);
		assertThat(this.store.calls("insert")).isEqualTo(1);
		assertThat(this.store.calls("update")).isEqualTo(2);
	}

	@Test
	void aSavedTaskLoadsBackAsItWasSaved() {
		Task task = this.engine.newTask(this.purchase, "binding-secret", null);
		task.state().put("item", 42).put("note", "gift wrap");
		this.clock.advance(Duration.ofSeconds(3));
		this.engine.apply(task, Position.parse("confirm-item"), Outcome.complete(), null);
		this.engine.apply(task, Position.parse(LOGIN), Outcome.goTo(ForgotPassword.class), null);
		this.clock.advance(Duration.ofSeconds(3));
		this.engine.save(task);

		Task loaded = this.engine.load(task.id());

		assertThat(loaded).isNotSameAs(task);
		assertThat(loaded.id()).isEqualTo(task.id());
		assertThat(loaded.flow()).isSameAs(this.purchase);
		assertThat(loaded.position()).isEqualTo(task.position())
			.hasToString("get-user-account/forgot-password/enter-email");
		assertThat(loaded.currentAction().name()).isEqualTo("enter-email");
		assertThat(loaded.history()).isEqualTo(task.history());
		assertThat(loaded.state().asMap()).isEqualTo(task.state().asMap()).containsEntry("item", 42);
		assertThat(loaded.log()).isEqualTo(task.log()).hasSize(3);
		assertThat(loaded.binding()).isEqualTo("binding-secret");
		assertThat(loaded.status()).isEqualTo(TaskStatus.ACTIVE);
		assertThat(loaded.version()).isZero();
		assertThat(loaded.isPersisted()).isTrue();
		assertThat(loaded.createdAt()).isEqualTo(START);
		assertThat(loaded.updatedAt()).isEqualTo(START.plusSeconds(6));
		assertThat(loaded.expiresAt()).isEqualTo(START.plusSeconds(6).plus(TIMEOUTS.idleTimeout()));
	}

	@Test
	void aStaleSaveIsRefusedAndChangesNothing() {
		Task original = this.engine.newTask(this.purchase, "secret", null);
		this.engine.save(original);
		Task firstTab = this.engine.load(original.id());
		Task secondTab = this.engine.load(original.id());

		firstTab.state().put("item", 1);
		this.engine.apply(firstTab, Position.parse("confirm-item"), Outcome.complete(), null);
		this.engine.save(firstTab);
		TaskRecord stored = this.memory.find(original.id()).orElseThrow();

		secondTab.state().put("item", 2);
		this.clock.advance(Duration.ofSeconds(1));
		assertThatExceptionOfType(StaleTaskException.class).isThrownBy(() -> this.engine.save(secondTab))
			.satisfies((ex) -> {
				assertThat(ex.expectedVersion()).isZero();
				assertThat(ex.taskId()).isEqualTo(original.id());
				assertThat(ex.getMessage()).doesNotContain(original.id());
			});

		assertThat(this.memory.find(original.id())).contains(stored);
		assertThat(secondTab.version()).isZero();
		assertThat(secondTab.updatedAt()).isEqualTo(START);
		assertThat(this.engine.load(original.id()).state().get("item", Integer.class)).isEqualTo(1);
	}

	@Test
	void savingATaskThatWasCancelledMeanwhileIsStale() {
		Task task = this.engine.newTask(this.purchase, "secret", null);
		this.engine.save(task);
		Task otherTab = this.engine.load(task.id());
		this.engine.cancel(otherTab, null);

		assertThatExceptionOfType(StaleTaskException.class).isThrownBy(() -> this.engine.save(task));
		assertThat(this.memory.size()).isZero();
	}

	@Test
	void loadingIsOneReadAndNoWrite() {
		Task task = this.engine.newTask(this.purchase, "secret", null);
		this.engine.save(task);
		this.store.reset();

		this.engine.load(task.id());

		assertThat(this.store.calls("find")).isEqualTo(1);
		assertThat(this.store.writes()).isZero();
	}

	@Test
	void anUnknownIdIsNotFound() {
		assertThatExceptionOfType(TaskNotFoundException.class).isThrownBy(() -> this.engine.load(TaskIds.newId()))
			.isNotInstanceOf(TaskExpiredException.class);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "abc", "AAAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAA+/",
			"../../../etc/passwd....", "AAAAAAAAAAAAAAAAAAAAA=", "' OR '1'='1' --xxxxxxx" })
	void aMalformedIdIsNotFoundWithoutAskingTheStore(String id) {
		assertThatExceptionOfType(TaskNotFoundException.class).isThrownBy(() -> this.engine.load(id))
			.withMessage("No task has the id given");
		assertThat(this.store.calls("find")).isZero();
	}

	@Test
	void anIdleTaskExpiresAfterTheIdleTimeout() {
		Task task = this.engine.newTask(this.purchase, "secret", null);
		this.engine.save(task);

		this.clock.advance(TIMEOUTS.idleTimeout().minusSeconds(1));
		assertThat(this.engine.load(task.id()).id()).isEqualTo(task.id());

		this.clock.advance(Duration.ofSeconds(1));
		assertThatExceptionOfType(TaskExpiredException.class).isThrownBy(() -> this.engine.load(task.id()))
			.isInstanceOf(TaskNotFoundException.class);
	}

	@Test
	void savingPushesTheExpiryBack() {
		Task task = this.engine.newTask(this.purchase, "secret", null);
		this.engine.save(task);
		this.clock.advance(Duration.ofMinutes(15));
		Task loaded = this.engine.load(task.id());
		this.engine.apply(loaded, Position.parse("confirm-item"), Outcome.complete(), null);
		this.engine.save(loaded);

		this.clock.advance(Duration.ofMinutes(15));

		assertThat(this.engine.load(task.id()).position()).hasToString(LOGIN);
	}

	@Test
	void aCompletedTaskIsKeptForTheCompletedRetention() {
		Task task = this.engine.newTask(this.purchase, "secret", null);
		task.state().put("item", 42);
		this.engine.apply(task, Position.parse("confirm-item"), Outcome.complete(), null);
		this.engine.apply(task, Position.parse(LOGIN), Outcome.complete(), null);
		this.engine.apply(task, Position.parse("choose-payment/new-payment-method/credit-card"), Outcome.complete(),
				() -> "alice");
		this.engine.apply(task, Position.parse("confirm-and-pay"), Outcome.complete(), () -> "alice");
		this.engine.save(task);

		assertThat(task.isCompleted()).isTrue();
		assertThat(task.expiresAt()).isEqualTo(START.plus(TIMEOUTS.completedRetention()));
		assertThat(this.memory.find(task.id())).get()
			.extracting(TaskRecord::expiresAt, TaskRecord::status)
			.containsExactly(START.plus(TIMEOUTS.completedRetention()), "COMPLETED");

		this.clock.advance(TIMEOUTS.completedRetention().minusSeconds(1));
		assertThat(this.engine.load(task.id()).isCompleted()).isTrue();
		this.clock.advance(Duration.ofSeconds(1));
		assertThatExceptionOfType(TaskExpiredException.class).isThrownBy(() -> this.engine.load(task.id()));
	}

	@Test
	void readingATaskWritesOnlyOnceTheTouchIntervalHasPassed() {
		Task task = this.engine.newTask(this.purchase, "secret", null);
		this.engine.save(task);
		this.store.reset();

		this.clock.advance(Duration.ofSeconds(30));
		assertThat(this.engine.touchIfDue(this.engine.load(task.id()))).isFalse();
		this.clock.advance(Duration.ofSeconds(29));
		assertThat(this.engine.touchIfDue(this.engine.load(task.id()))).isFalse();
		assertThat(this.store.writes()).isZero();

		this.clock.advance(Duration.ofSeconds(2));
		Task read = this.engine.load(task.id());
		assertThat(this.engine.touchIfDue(read)).isTrue();
		assertThat(this.store.calls("touch")).isEqualTo(1);
		assertThat(this.store.writes()).isEqualTo(1);
		Instant refreshed = START.plusSeconds(61).plus(TIMEOUTS.idleTimeout());
		assertThat(read.expiresAt()).isEqualTo(refreshed);
		assertThat(this.memory.find(task.id())).get()
			.extracting(TaskRecord::expiresAt, TaskRecord::version)
			.containsExactly(refreshed, 0L);

		this.clock.advance(Duration.ofSeconds(30));
		assertThat(this.engine.touchIfDue(this.engine.load(task.id()))).isFalse();
		assertThat(this.store.writes()).isEqualTo(1);
	}

	@Test
	void aTouchKeepsAnOpenFormSavable() {
		Task task = this.engine.newTask(this.purchase, "secret", null);
		this.engine.save(task);
		Task form = this.engine.load(task.id());
		this.clock.advance(Duration.ofMinutes(5));

		assertThat(this.engine.touchIfDue(this.engine.load(task.id()))).isTrue();

		this.engine.apply(form, Position.parse("confirm-item"), Outcome.complete(), null);
		this.engine.save(form);
		assertThat(form.version()).isEqualTo(1);
	}

	@Test
	void aTaskKeptAliveByReadingDoesNotExpire() {
		Task task = this.engine.newTask(this.purchase, "secret", null);
		this.engine.save(task);

		for (int minute = 0; minute < 60; minute += 5) {
			this.clock.advance(Duration.ofMinutes(5));
			this.engine.touchIfDue(this.engine.load(task.id()));
		}

		assertThat(this.engine.load(task.id()).id()).isEqualTo(task.id());
	}

	@Test
	void unsavedAndCompletedTasksAreNeverTouched() {
		Task unsaved = this.engine.newTask(this.purchase, "secret", null);
		this.clock.advance(Duration.ofMinutes(5));
		assertThat(this.engine.touchIfDue(unsaved)).isFalse();

		Task completed = this.engine.newTask(this.purchase, "secret", null);
		completed.state().put("item", 42);
		this.engine.apply(completed, Position.parse("confirm-item"), Outcome.complete(), () -> "alice");
		this.engine.apply(completed, Position.parse("choose-payment/new-payment-method/credit-card"),
				Outcome.complete(), () -> "alice");
		this.engine.apply(completed, Position.parse("confirm-and-pay"), Outcome.complete(), () -> "alice");
		this.engine.save(completed);
		this.clock.advance(Duration.ofMinutes(5));
		assertThat(this.engine.touchIfDue(this.engine.load(completed.id()))).isFalse();

		assertThat(this.store.calls("touch")).isZero();
	}

	@Test
	void aRecordOfAnUnknownFlowIsCorrupt() {
		String id = stored(
				(record) -> copy(record, "sell", record.position(), record.history(), record.state(), record.status()));

		assertThatExceptionOfType(CorruptTaskException.class).isThrownBy(() -> this.engine.load(id))
			.withMessageContaining("'sell'");
	}

	@Test
	void aRecordAtAStepThatNoLongerExistsResumesAtTheLatestStepOfItsHistory() {
		String id = stored((record) -> copy(record, record.flow(), "get-user-account/sign-in", record.history(),
				record.state(), record.status()));

		Task task = this.engine.load(id);

		assertThat(task.position()).hasToString("confirm-item");
		assertThat(task.history()).isEmpty();
		assertThat(task.state().get("item", Integer.class)).isEqualTo(42);
	}

	@Test
	void aRecordPositionedOnAScaffoldResumesAtTheLatestStepOfItsHistory() {
		String id = stored((record) -> copy(record, record.flow(), "get-user-account", record.history(), record.state(),
				record.status()));

		assertThat(this.engine.load(id).position()).hasToString("confirm-item");
	}

	@Test
	void aRecordWithoutAnyStepThatStillExistsIsCorrupt() {
		String id = stored((record) -> copy(record, record.flow(), "gone/step", "[\"gone\",\"also-gone\"]",
				record.state(), record.status()));

		assertThatExceptionOfType(CorruptTaskException.class).isThrownBy(() -> this.engine.load(id))
			.withMessageContaining("gone/step");
	}

	@Test
	void stepsThatNoLongerExistAreDroppedFromTheHistory() {
		String id = stored((record) -> copy(record, record.flow(), record.position(), "[\"confirm-item\",\"gone\"]",
				record.state(), record.status()));

		Task task = this.engine.load(id);

		assertThat(task.position()).hasToString(LOGIN);
		assertThat(task.history()).extracting(Position::toString).containsExactly("confirm-item");
	}

	@Test
	void aRecordWithUnreadableHistoryIsCorrupt() {
		String id = stored((record) -> copy(record, record.flow(), record.position(), "{\"not\":\"a list\"}",
				record.state(), record.status()));

		assertThatExceptionOfType(CorruptTaskException.class).isThrownBy(() -> this.engine.load(id));
	}

	@Test
	void aRecordWithInvalidStateJsonIsCorrupt() {
		String id = stored((record) -> copy(record, record.flow(), record.position(), record.history(), "{\"item\":",
				record.status()));

		assertThatExceptionOfType(CorruptTaskException.class).isThrownBy(() -> this.engine.load(id))
			.withMessageContaining("purchase");
	}

	@Test
	void aRecordWhoseStateIsNotAJsonObjectIsCorrupt() {
		String id = stored(
				(record) -> copy(record, record.flow(), record.position(), record.history(), "[1,2]", record.status()));

		assertThatExceptionOfType(CorruptTaskException.class).isThrownBy(() -> this.engine.load(id));
	}

	@Test
	void aRecordWithAnUnknownStatusIsCorrupt() {
		String id = stored(
				(record) -> copy(record, record.flow(), record.position(), record.history(), record.state(), "PAUSED"));

		assertThatExceptionOfType(CorruptTaskException.class).isThrownBy(() -> this.engine.load(id));
	}

	@Test
	void anUnreadableLogIsDroppedRatherThanFatal() {
		String id = stored((record) -> new TaskRecord(record.id(), record.flow(), record.position(), record.history(),
				record.state(), "{\"written\":\"by an older build\"}", record.binding(), record.status(),
				record.version(), record.createdAt(), record.updatedAt(), record.expiresAt()));

		Task task = this.engine.load(id);

		assertThat(task.log()).isEmpty();
		assertThat(task.position()).hasToString(LOGIN);
	}

	@Test
	void movesAppendedToAStoredLogThatNobodyReadAreAllKeptInOrder() {
		Task reloadedEachTime = this.engine.load(stored(UnaryOperator.identity()));
		Task keptInMemory = this.engine.load(reloadedEachTime.id());
		keptInMemory.log();
		for (int i = 0; i < 15; i++) {
			this.clock.advance(Duration.ofSeconds(1));
			this.engine.apply(reloadedEachTime, Position.parse(LOGIN), Outcome.goTo(ForgotPassword.class), null);
			this.engine.apply(keptInMemory, Position.parse(LOGIN), Outcome.goTo(ForgotPassword.class), null);
			this.engine.save(reloadedEachTime);
			reloadedEachTime = this.engine.load(reloadedEachTime.id());
			this.engine.back(reloadedEachTime, null);
			this.engine.back(keptInMemory, null);
			this.engine.save(reloadedEachTime);
			reloadedEachTime = this.engine.load(reloadedEachTime.id());
		}

		String storedLog = this.memory.find(reloadedEachTime.id()).orElseThrow().log();
		assertThat(TaskStateCodec.withDefaults().mapper().readTree(storedLog).size()).isEqualTo(Task.MAX_LOG_ENTRIES);
		assertThat(reloadedEachTime.log()).hasSize(Task.MAX_LOG_ENTRIES).isEqualTo(keptInMemory.log());
		assertThat(reloadedEachTime.log()).last().extracting(TransitionRecord::kind).isEqualTo(TransitionKind.BACK);
		assertThat(reloadedEachTime.log()).extracting(TransitionRecord::at).isSorted();
	}

	@Test
	void aLogStoredInAnotherFormIsWrittenAnewWhenAMoveIsAdded() {
		String id = stored((record) -> new TaskRecord(record.id(), record.flow(), record.position(), record.history(),
				record.state(),
				"[{\"from\":\"\",\"to\":\"confirm-item\",\"kind\":\"START\",\"at\":\"2030-05-01T09:00:00Z\"}]",
				record.binding(), record.status(), record.version(), record.createdAt(), record.updatedAt(),
				record.expiresAt()));
		Task task = this.engine.load(id);
		this.engine.apply(task, Position.parse(LOGIN), Outcome.goTo(ForgotPassword.class), null);
		this.engine.save(task);

		assertThat(this.engine.load(id).log()).singleElement()
			.extracting(TransitionRecord::from, TransitionRecord::kind)
			.containsExactly(LOGIN, TransitionKind.ADVANCE);
	}

	/** Stores a task at the login step, rewritten by {@code corruption}. */
	private String stored(UnaryOperator<TaskRecord> corruption) {
		Task task = this.engine.newTask(this.purchase, "secret", null);
		task.state().put("item", 42);
		this.engine.apply(task, Position.parse("confirm-item"), Outcome.complete(), null);
		this.engine.save(task);
		TaskRecord record = this.memory.find(task.id()).orElseThrow();
		this.memory.delete(task.id());
		this.memory.insert(corruption.apply(record));
		return task.id();
	}

	private static TaskRecord copy(TaskRecord record, String flow, String position, String history, String state,
			String status) {
		return new TaskRecord(record.id(), flow, position, history, state, record.log(), record.binding(), status,
				record.version(), record.createdAt(), record.updatedAt(), record.expiresAt());
	}

}
