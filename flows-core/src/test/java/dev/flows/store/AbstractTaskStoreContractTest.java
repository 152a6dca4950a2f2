package dev.flows.store;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.flows.definition.FlowBuilder;
import dev.flows.definition.FlowRegistry;
import dev.flows.definition.OnGet;
import dev.flows.definition.Outcome;
import dev.flows.definition.Position;
import dev.flows.engine.FlowEngine;
import dev.flows.engine.Task;
import dev.flows.engine.TaskExpiredException;
import dev.flows.engine.TaskIds;
import dev.flows.engine.TaskNotFoundException;
import dev.flows.engine.TaskTimeouts;
import dev.flows.state.TaskStateCodec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What every {@link TaskStore} must do, run against each implementation by a subclass
 * (the model is ShedLock's {@code AbstractLockProviderIntegrationTest}). Stores backed by
 * a server run against a real one: {@code bash scripts/test.sh} starts Redis and
 * PostgreSQL and tells the tests where they are.
 * <p>
 * Times are taken from the wall clock, truncated to milliseconds: a store with a time to
 * live (Redis) judges expiry by the server's clock, and every store must keep millisecond
 * precision.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AbstractTaskStoreContractTest {

	/** How a store gets rid of expired tasks. */
	protected enum Expiry {

		/** Expired tasks stay until {@link TaskStore#deleteExpired} removes them. */
		CLEANUP,
		/**
		 * The backing service removes a task when its expiry passes; deleteExpired has
		 * nothing to do.
		 */
		TIME_TO_LIVE

	}

	private static final Duration IDLE = Duration.ofMinutes(20);

	private static final Duration CLAIM = Duration.ofSeconds(30);

	private ExecutorService executor;

	/** The wall clock at the start of the test, in milliseconds. */
	protected Instant now;

	/** The store under test, as set up by the subclass. */
	protected abstract TaskStore store();

	/** Remove every task from the backing service; runs before each test. */
	protected abstract void clear();

	/**
	 * Write {@code record} straight into the backing service, bypassing the store's API
	 * (an SQL insert, a Redis command), as another build of the application or an
	 * operator might.
	 */
	protected abstract void writeRaw(TaskRecord record);

	/**
	 * Whether {@link TaskStore#removeExpired} names the active tasks it removes (or, on a
	 * time-to-live store, that expired).
	 */
	protected boolean reportsExpiredTasks() {
		return true;
	}

	/** How this store gets rid of expired tasks. */
	protected Expiry expiry() {
		return Expiry.CLEANUP;
	}

	/**
	 * For {@link Expiry#TIME_TO_LIVE} stores: the time the backing service will keep the
	 * task, or {@code null} if it holds no such task.
	 */
	protected Duration timeToLive(String id) {
		throw new UnsupportedOperationException(getClass().getSimpleName() + " must say how a time to live is read");
	}

	@BeforeAll
	void startExecutor() {
		this.executor = Executors.newFixedThreadPool(2);
	}

	@AfterAll
	void stopExecutor() throws InterruptedException {
		this.executor.shutdownNow();
		assertThat(this.executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
	}

	@BeforeEach
	void clearStore() {
		clear();
		this.now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

	// --- insert, find, delete
	// -------------------------------------------------------------------

	@Test
	void insertedTaskIsFoundExactlyAsInserted() {
		TaskRecord record = record(TaskIds.newId(), 0, live());
		store().insert(record);
		assertThat(store().find(record.id())).contains(record);
	}

	@Test
	void unknownIdIsNotFound() {
		store().insert(record(TaskIds.newId(), 0, live()));
		assertThat(store().find(TaskIds.newId())).isEmpty();
	}

	@Test
	void insertOfAnExistingIdFailsAndKeepsTheStoredTask() {
		TaskRecord first = record(TaskIds.newId(), 0, live());
		store().insert(first);
		TaskRecord second = withState(first, "{\"other\":true}");
		assertThatIllegalStateException().isThrownBy(() -> store().insert(second));
		assertThat(store().find(first.id())).contains(first);
	}

	@Test
	void deleteRemovesOnlyThatTask() {
		TaskRecord gone = record(TaskIds.newId(), 0, live());
		TaskRecord kept = record(TaskIds.newId(), 0, live());
		store().insert(gone);
		store().insert(kept);
		store().delete(gone.id());
		assertThat(store().find(gone.id())).isEmpty();
		assertThat(store().find(kept.id())).contains(kept);
		store().delete(gone.id());
		store().delete(TaskIds.newId());
		assertThat(store().find(kept.id())).contains(kept);
	}

	@Test
	void deleteAtTheStoredVersionRemovesTheTaskAndAtAnotherChangesNothing() {
		TaskRecord v0 = record(TaskIds.newId(), 0, live());
		store().insert(v0);
		TaskRecord v1 = v0.withVersion(1);
		store().update(v1, 0);

		assertThatExceptionOfType(StaleTaskException.class).isThrownBy(() -> store().delete(v0.id(), 0));
		assertThat(store().find(v0.id())).contains(v1);
		store().delete(v0.id(), 1);
		assertThat(store().find(v0.id())).isEmpty();
		assertThatExceptionOfType(StaleTaskException.class).isThrownBy(() -> store().delete(v0.id(), 1));
	}

	@Test
	void everyFieldIsCopiedVerbatim() {
		String big = "x".repeat(60 * 1024);
		String state = "{\"text\":\"quotes \\\" and \\\\ backslash, ünïcødé, 漢字, emoji 🚀, tab\\tnew\\nline\","
				+ "\"big\":\"" + big + "\",\"nested\":{\"list\":[1,2.5,null,true,{\"a\":[]}]}}";
		TaskRecord record = new TaskRecord(TaskIds.newId(), "a-flow", "account/forgot-password/enter-code",
				"[\"confirm-item\",\"account/login-or-register\"]", state,
				"[{\"from\":\"\",\"to\":\"confirm-item\",\"kind\":\"START\"}]", "binding:ü/🚀=", "COMPLETED", 41,
				this.now.minus(Duration.ofMinutes(3)), this.now.minusMillis(1), live());
		store().insert(record);
		assertThat(store().find(record.id())).contains(record);
	}

	// --- update and versions
	// --------------------------------------------------------------------

	@Test
	void updateWithTheExpectedVersionReplacesTheTask() {
		TaskRecord original = record(TaskIds.newId(), 0, live());
		store().insert(original);
		TaskRecord changed = new TaskRecord(original.id(), original.flow(), "second", "[\"first\"]", "{\"item\":42}",
				"[{\"kind\":\"ADVANCE\"}]", original.binding(), "COMPLETED", 1, original.createdAt(),
				this.now.plusMillis(5), this.now.plus(Duration.ofMinutes(10)));
		store().update(changed, 0);
		assertThat(store().find(original.id())).contains(changed);
	}

	@Test
	void updateWithAStaleVersionFailsAndChangesNothing() {
		TaskRecord v0 = record(TaskIds.newId(), 0, live());
		store().insert(v0);
		TaskRecord v1 = withState(v0, "{\"step\":1}").withVersion(1);
		store().update(v1, 0);
		TaskRecord late = withState(v0, "{\"step\":\"late\"}").withVersion(1);
		assertThatExceptionOfType(StaleTaskException.class).isThrownBy(() -> store().update(late, 0))
			.satisfies((ex) -> {
				assertThat(ex.taskId()).isEqualTo(v0.id());
				assertThat(ex.expectedVersion()).isZero();
			});
		assertThat(store().find(v0.id())).contains(v1);
		TaskRecord v2 = withState(v0, "{\"step\":2}").withVersion(2);
		store().update(v2, 1);
		assertThat(store().find(v0.id())).contains(v2);
	}

	@Test
	void updateOfAMissingTaskIsStaleAndCreatesNothing() {
		TaskRecord absent = record(TaskIds.newId(), 1, live());
		assertThatExceptionOfType(StaleTaskException.class).isThrownBy(() -> store().update(absent, 0));
		assertThat(store().find(absent.id())).isEmpty();
	}

	@Test
	void ofTwoConcurrentUpdatesOfOneVersionExactlyOneWins() throws Exception {
		for (int round = 0; round < 20; round++) {
			TaskRecord v0 = record(TaskIds.newId(), 0, live());
			store().insert(v0);
			CountDownLatch ready = new CountDownLatch(2);
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Boolean>> attempts = new ArrayList<>();
			for (String writer : List.of("left", "right")) {
				TaskRecord mine = withState(v0, "{\"writer\":\"" + writer + "\"}").withVersion(1);
				Callable<Boolean> attempt = () -> {
					ready.countDown();
					assertThat(go.await(10, TimeUnit.SECONDS)).isTrue();
					try {
						store().update(mine, 0);
						return true;
					}
					catch (StaleTaskException ex) {
						return false;
					}
				};
				attempts.add(this.executor.submit(attempt));
			}
			assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
			go.countDown();
			boolean leftWon = attempts.get(0).get(10, TimeUnit.SECONDS);
			boolean rightWon = attempts.get(1).get(10, TimeUnit.SECONDS);
			assertThat(leftWon ^ rightWon).as("exactly one of two concurrent updates wins (round %d)", round).isTrue();
			TaskRecord stored = store().find(v0.id()).orElseThrow();
			assertThat(stored.version()).isEqualTo(1);
			assertThat(stored.state()).isEqualTo("{\"writer\":\"" + (leftWon ? "left" : "right") + "\"}");
		}
	}

	// --- expiry
	// ---------------------------------------------------------------------------------

	@Test
	void touchMovesTheExpiryAndKeepsTheVersion() {
		TaskRecord record = record(TaskIds.newId(), 3, this.now.plus(Duration.ofMinutes(2)));
		store().insert(record);
		Instant later = this.now.plus(Duration.ofMinutes(30));
		assertThat(store().touch(record.id(), later)).isTrue();
		assertThat(store().find(record.id())).contains(record.withExpiresAt(later));
		store().update(withState(record, "{\"after\":\"touch\"}").withVersion(4).withExpiresAt(live()), 3);
		assertThat(store().find(record.id()).orElseThrow().version()).isEqualTo(4);
		if (expiry() == Expiry.TIME_TO_LIVE) {
			assertThat(timeToLive(record.id())).isBetween(IDLE.minusSeconds(30), IDLE);
			assertThat(store().touch(record.id(), later)).isTrue();
			assertThat(timeToLive(record.id())).isBetween(Duration.ofMinutes(29), Duration.ofMinutes(30));
		}
	}

	@Test
	void touchOfAnUnknownTaskReturnsFalseAndCreatesNothing() {
		String id = TaskIds.newId();
		assertThat(store().touch(id, live())).isFalse();
		assertThat(store().find(id)).isEmpty();
	}

	@Test
	void expiredTasksAreRemovedInBatchesAndLiveOnesKept() {
		List<TaskRecord> expired = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			expired.add(record(TaskIds.newId(), 0, this.now.minus(Duration.ofMinutes(1 + i))));
		}
		expired.add(record(TaskIds.newId(), 0, this.now)); // expiring exactly now counts
															// as expired
		List<TaskRecord> live = List.of(record(TaskIds.newId(), 0, this.now.plusSeconds(1)),
				record(TaskIds.newId(), 0, live()), record(TaskIds.newId(), 0, this.now.plus(Duration.ofDays(1))));
		expired.forEach(store()::insert);
		live.forEach(store()::insert);
		if (expiry() == Expiry.CLEANUP) {
			assertThat(store().find(expired.get(0).id())).as("found until cleaned up").isPresent();
			assertThat(store().deleteExpired(this.now, 3)).isEqualTo(3);
			assertThat(store().deleteExpired(this.now, 3)).isEqualTo(3);
			assertThat(store().deleteExpired(this.now, 3)).isEqualTo(2);
			assertThat(store().deleteExpired(this.now, 3)).isZero();
		}
		else {
			for (TaskRecord record : expired) {
				assertThat(timeToLive(record.id())).as("an expired task is gone at once").isNull();
			}
			assertThat(store().deleteExpired(this.now, 3)).isZero();
			assertThat(timeToLive(live.get(1).id())).isBetween(IDLE.minusSeconds(30), IDLE);
			assertThat(timeToLive(live.get(2).id())).isBetween(Duration.ofDays(1).minusSeconds(30), Duration.ofDays(1));
		}
		for (TaskRecord record : expired) {
			assertThat(store().find(record.id())).isEmpty();
		}
		for (TaskRecord record : live) {
			assertThat(store().find(record.id())).contains(record);
		}
	}

	@Test
	void aTaskTouchedBeforeCleanupSurvivesIt() {
		TaskRecord record = record(TaskIds.newId(), 0, this.now.plusSeconds(5));
		store().insert(record);
		assertThat(store().touch(record.id(), live())).isTrue();
		assertThat(store().deleteExpired(this.now.plusSeconds(10), 10)).isZero();
		assertThat(store().find(record.id())).contains(record.withExpiresAt(live()));
	}

	@Test
	void cleanerRepeatsBatchesUntilNothingIsLeft() {
		for (int i = 0; i < 25; i++) {
			store().insert(record(TaskIds.newId(), 0, this.now.minusSeconds(1 + i)));
		}
		TaskRecord live = record(TaskIds.newId(), 0, live());
		store().insert(live);
		TaskCleaner cleaner = new TaskCleaner(store(), Clock.fixed(this.now, ZoneOffset.UTC), 10);
		List<ExpiredTask> reported = new ArrayList<>();
		// a time-to-live store never held these: they were expired when inserted
		assertThat(cleaner.clean(reported::add)).isEqualTo((expiry() == Expiry.CLEANUP) ? 25 : 0);
		assertThat(reported).hasSize((expiry() == Expiry.CLEANUP && reportsExpiredTasks()) ? 25 : 0);
		assertThat(cleaner.clean()).isZero();
		assertThat(store().find(live.id())).contains(live);
	}

	@Test
	void cleanersOfFourNodesRunningAtOnceRemoveEachExpiredTaskOnceAndNameItOnce() throws Exception {
		int expiredCount = 240;
		List<String> expiredIds = new ArrayList<>();
		for (int i = 0; i < expiredCount; i++) {
			TaskRecord record = record(TaskIds.newId(), 0, this.now.minusSeconds(1 + (i % 60)));
			store().insert(record);
			expiredIds.add(record.id());
		}
		TaskRecord live = record(TaskIds.newId(), 0, live());
		store().insert(live);
		List<String> named = Collections.synchronizedList(new ArrayList<>());
		int nodes = 4;
		ExecutorService pool = Executors.newFixedThreadPool(nodes);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Integer>> runs = new ArrayList<>();
			for (int node = 0; node < nodes; node++) {
				TaskCleaner cleaner = new TaskCleaner(store(), Clock.fixed(this.now, ZoneOffset.UTC), 7);
				runs.add(pool.submit(() -> {
					assertThat(go.await(10, TimeUnit.SECONDS)).isTrue();
					return cleaner.clean((task) -> named.add(task.id()));
				}));
			}
			go.countDown();
			int removed = 0;
			for (Future<Integer> run : runs) {
				removed += run.get(60, TimeUnit.SECONDS);
			}
			assertThat(removed).as("removed by the nodes together")
				.isEqualTo((expiry() == Expiry.CLEANUP) ? expiredCount : 0);
			if (expiry() == Expiry.CLEANUP && reportsExpiredTasks()) {
				assertThat(named).as("each removed task is named exactly once")
					.containsExactlyInAnyOrderElementsOf(expiredIds);
			}
			else {
				assertThat(named).isEmpty();
			}
		}
		finally {
			pool.shutdownNow();
			assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		}
		for (String id : expiredIds) {
			assertThat(store().find(id)).isEmpty();
		}
		assertThat(store().deleteExpired(this.now, 10)).as("nothing expired is left").isZero();
		assertThat(store().find(live.id())).contains(live);
	}

	@Test
	void removedExpiredTasksAreNamedOnceWithTheirFlowAndStep() {
		TaskRecord abandoned = at(record(TaskIds.newId(), 0, this.now.plusSeconds(5)), "contract", "first");
		TaskRecord finished = completedAs(at(record(TaskIds.newId(), 0, this.now.plusSeconds(5)), "contract", "last"));
		TaskRecord live = at(record(TaskIds.newId(), 0, live()), "contract", "second");
		store().insert(abandoned);
		store().insert(finished);
		store().insert(live);
		Instant later = this.now.plusSeconds(10);

		ExpiredTasks removed = store().removeExpired(later, 10);

		if (reportsExpiredTasks()) {
			assertThat(removed.named()).isTrue();
			assertThat(removed.tasks()).filteredOn(ExpiredTask::active)
				.containsExactly(new ExpiredTask(abandoned.id(), "contract", "first", true, abandoned.expiresAt()));
			assertThat(removed.tasks()).extracting(ExpiredTask::id).doesNotContain(live.id());
		}
		else {
			assertThat(removed.tasks()).isEmpty();
		}
		assertThat(store().removeExpired(later, 10).tasks()).as("each is named once").isEmpty();
		assertThat(store().find(live.id())).contains(live);
		if (expiry() == Expiry.CLEANUP) {
			assertThat(store().find(abandoned.id())).isEmpty();
			assertThat(store().find(finished.id())).isEmpty();
		}
	}

	// --- owner
	// ----------------------------------------------------------------------------------

	@Test
	void theOwnerRoundTripsThroughInsertUpdateFindAndClaim() {
		TaskRecord anonymous = record(TaskIds.newId(), 0, live());
		store().insert(anonymous);
		assertThat(store().find(anonymous.id())).map(TaskRecord::owner).contains("");
		TaskRecord adopted = owned(withState(anonymous, "{\"signed\":\"in\"}").withVersion(1), "owner:Ab3-_x/=");
		store().update(adopted, 0);
		assertThat(store().find(adopted.id())).contains(adopted);
		assertThat(store().claim(adopted.id(), 1, token(), this.now, claimUntil()))
			.isEqualTo(ClaimResult.claimed(adopted));
		TaskRecord anonymousAgain = owned(adopted.withVersion(2), "");
		store().update(anonymousAgain, 1);
		assertThat(store().find(adopted.id())).contains(anonymousAgain);

		TaskRecord owned = owned(record(TaskIds.newId(), 0, live()), "owner:someone");
		store().insert(owned);
		assertThat(store().find(owned.id())).contains(owned);
		TaskRecord ownedAndClaimed = owned(record(TaskIds.newId(), 0, live()), "owner:someone-else");
		assertThat(store().insertClaimed(ownedAndClaimed, token(), claimUntil())).isTrue();
		assertThat(store().find(ownedAndClaimed.id())).contains(ownedAndClaimed);
	}

	// --- claims
	// ---------------------------------------------------------------------------------

	@Test
	void aClaimOfTheCurrentVersionIsClaimedWithTheWholeRecord() {
		TaskRecord record = owned(new TaskRecord(TaskIds.newId(), "a-flow", "account/forgot-password/enter-code",
				"[\"confirm-item\"]", "{\"text\":\"ünïcødé 🚀\",\"big\":\"" + "y".repeat(20 * 1024) + "\"}",
				"[{\"kind\":\"START\"}]", "binding:ü/🚀=", "ACTIVE", 7, this.now.minus(Duration.ofMinutes(3)),
				this.now.minusMillis(1), live()), "owner:digest");
		store().insert(record);
		ClaimResult result = store().claim(record.id(), 7, token(), this.now, claimUntil());
		assertThat(result.status()).isEqualTo(ClaimResult.Status.CLAIMED);
		assertThat(result.record()).isEqualTo(record);
		assertThat(store().find(record.id())).as("a claim changes nothing of the task").contains(record);
	}

	@Test
	void aSecondClaimWhileTheFirstIsLiveIsBusy() {
		TaskRecord record = record(TaskIds.newId(), 0, live());
		store().insert(record);
		String first = token();
		assertThat(store().claim(record.id(), 0, first, this.now, claimUntil()).status())
			.isEqualTo(ClaimResult.Status.CLAIMED);
		assertThat(store().claim(record.id(), 0, token(), this.now, claimUntil())).isEqualTo(ClaimResult.busy(record));
		assertThat(store().claim(record.id(), 0, token(), claimUntil().minusMillis(1), claimUntil().plusSeconds(30)))
			.as("a millisecond before it lapses")
			.isEqualTo(ClaimResult.busy(record));
		assertThat(store().claim(record.id(), 0, first, this.now, claimUntil()).status())
			.as("a claim is not taken twice, not even with the same token")
			.isEqualTo(ClaimResult.Status.BUSY);
	}

	@Test
	void aClaimAtAnotherVersionIsStaleWithTheStoredRecord() {
		TaskRecord v0 = record(TaskIds.newId(), 0, live());
		store().insert(v0);
		TaskRecord v1 = owned(withState(v0, "{\"step\":1}").withVersion(1), "owner:x");
		store().update(v1, 0);
		assertThat(store().claim(v0.id(), 0, token(), this.now, claimUntil())).isEqualTo(ClaimResult.stale(v1));
		assertThat(store().claim(v0.id(), 2, token(), this.now, claimUntil())).isEqualTo(ClaimResult.stale(v1));
		assertThat(store().claim(v0.id(), 1, token(), this.now, claimUntil()).status())
			.as("the stale attempts claimed nothing")
			.isEqualTo(ClaimResult.Status.CLAIMED);
		assertThat(store().claim(v0.id(), 0, token(), this.now, claimUntil()))
			.as("an old version is stale, claimed or not")
			.isEqualTo(ClaimResult.stale(v1));
	}

	@Test
	void aClaimOfAnUnknownIdIsMissingAndCreatesNothing() {
		store().insert(record(TaskIds.newId(), 0, live()));
		String id = TaskIds.newId();
		assertThat(store().claim(id, 0, token(), this.now, claimUntil())).isEqualTo(ClaimResult.missing());
		assertThat(store().find(id)).isEmpty();
		store().release(id, token());
		assertThat(store().find(id)).isEmpty();
	}

	@Test
	void aLapsedClaimIsTakenOver() {
		TaskRecord record = record(TaskIds.newId(), 0, live());
		store().insert(record);
		Instant firstLapses = this.now.plusSeconds(30);
		assertThat(store().claim(record.id(), 0, token(), this.now, firstLapses).status())
			.isEqualTo(ClaimResult.Status.CLAIMED);
		Instant secondLapses = firstLapses.plusSeconds(30);
		assertThat(store().claim(record.id(), 0, token(), firstLapses, secondLapses)).as("a claim lapses at its time")
			.isEqualTo(ClaimResult.claimed(record));
		assertThat(store().claim(record.id(), 0, token(), firstLapses.plusSeconds(1), secondLapses.plusSeconds(30)))
			.as("the claim taken over is live")
			.isEqualTo(ClaimResult.busy(record));
		assertThat(store().claim(record.id(), 0, token(), secondLapses.plusSeconds(1), secondLapses.plusSeconds(31)))
			.isEqualTo(ClaimResult.claimed(record));
	}

	@Test
	void releaseWithAnotherTokenKeepsTheClaimAndWithItsOwnFreesIt() {
		TaskRecord record = record(TaskIds.newId(), 0, live());
		store().insert(record);
		String mine = token();
		store().claim(record.id(), 0, mine, this.now, claimUntil());
		store().release(record.id(), token());
		assertThat(store().claim(record.id(), 0, token(), this.now, claimUntil()).status())
			.isEqualTo(ClaimResult.Status.BUSY);
		store().release(record.id(), mine);
		String next = token();
		assertThat(store().claim(record.id(), 0, next, this.now, claimUntil())).isEqualTo(ClaimResult.claimed(record));
		store().release(record.id(), mine);
		assertThat(store().claim(record.id(), 0, token(), this.now, claimUntil()).status())
			.as("a released token cannot end the claim that followed")
			.isEqualTo(ClaimResult.Status.BUSY);
		assertThat(store().find(record.id())).contains(record);
	}

	@Test
	void releaseLeavesAClaimTakenOverSinceAlone() {
		TaskRecord record = record(TaskIds.newId(), 0, live());
		store().insert(record);
		String lapsed = token();
		store().claim(record.id(), 0, lapsed, this.now, this.now.plusSeconds(1));
		Instant later = this.now.plusSeconds(5);
		assertThat(store().claim(record.id(), 0, token(), later, later.plusSeconds(30)).status())
			.isEqualTo(ClaimResult.Status.CLAIMED);
		store().release(record.id(), lapsed);
		assertThat(store().claim(record.id(), 0, token(), later, later.plusSeconds(30)).status())
			.isEqualTo(ClaimResult.Status.BUSY);
	}

	@Test
	void anUpdateEndsTheClaimAndAStaleOneDoesNot() {
		TaskRecord v0 = record(TaskIds.newId(), 0, live());
		store().insert(v0);
		String holder = token();
		store().claim(v0.id(), 0, holder, this.now, claimUntil());
		TaskRecord late = withState(v0, "{\"late\":true}").withVersion(6);
		assertThatExceptionOfType(StaleTaskException.class).isThrownBy(() -> store().update(late, 5));
		assertThat(store().claim(v0.id(), 0, token(), this.now, claimUntil()).status())
			.as("a failed update leaves the claim")
			.isEqualTo(ClaimResult.Status.BUSY);
		TaskRecord v1 = withState(v0, "{\"step\":1}").withVersion(1);
		store().update(v1, 0);
		assertThat(store().claim(v0.id(), 1, token(), this.now, claimUntil())).as("the next version is free at once")
			.isEqualTo(ClaimResult.claimed(v1));
		store().release(v0.id(), holder);
		assertThat(store().claim(v0.id(), 1, token(), this.now, claimUntil()).status())
			.as("the old holder's release leaves the new claim alone")
			.isEqualTo(ClaimResult.Status.BUSY);
	}

	@Test
	void aTouchKeepsTheClaim() {
		TaskRecord record = record(TaskIds.newId(), 4, live());
		store().insert(record);
		store().claim(record.id(), 4, token(), this.now, claimUntil());
		Instant later = live().plus(Duration.ofMinutes(5));
		assertThat(store().touch(record.id(), later)).isTrue();
		assertThat(store().claim(record.id(), 4, token(), this.now, claimUntil()))
			.isEqualTo(ClaimResult.busy(record.withExpiresAt(later)));
		assertThat(store().find(record.id())).contains(record.withExpiresAt(later));
	}

	@Test
	void aDeletedTaskIsMissingToAClaim() {
		TaskRecord record = record(TaskIds.newId(), 0, live());
		store().insert(record);
		store().claim(record.id(), 0, token(), this.now, claimUntil());
		store().delete(record.id());
		assertThat(store().claim(record.id(), 0, token(), this.now, claimUntil())).isEqualTo(ClaimResult.missing());
		assertThat(store().find(record.id())).isEmpty();
	}

	@Test
	void aTaskInsertedClaimedIsBusyUntilItsClaimLapsesOrIsReleased() {
		TaskRecord record = owned(record(TaskIds.newId(), 0, live()), "owner:first");
		String creator = token();
		assertThat(store().insertClaimed(record, creator, claimUntil())).isTrue();
		assertThat(store().find(record.id())).contains(record);
		assertThat(store().claim(record.id(), 0, token(), this.now, claimUntil())).isEqualTo(ClaimResult.busy(record));
		assertThat(store().claim(record.id(), 0, token(), claimUntil(), claimUntil().plusSeconds(30))).as("lapsed")
			.isEqualTo(ClaimResult.claimed(record));

		TaskRecord other = record(TaskIds.newId(), 0, live());
		String otherCreator = token();
		assertThat(store().insertClaimed(other, otherCreator, claimUntil())).isTrue();
		store().release(other.id(), otherCreator);
		assertThat(store().claim(other.id(), 0, token(), this.now, claimUntil())).isEqualTo(ClaimResult.claimed(other));
	}

	@Test
	void insertClaimedOfAnExistingIdIsFalseAndChangesNothing() {
		TaskRecord unclaimed = record(TaskIds.newId(), 0, live());
		store().insert(unclaimed);
		TaskRecord duplicate = owned(withState(unclaimed, "{\"other\":true}"), "owner:intruder");
		assertThat(store().insertClaimed(duplicate, token(), claimUntil())).isFalse();
		assertThat(store().find(unclaimed.id())).contains(unclaimed);
		assertThat(store().claim(unclaimed.id(), 0, token(), this.now, claimUntil())).as("no claim was added")
			.isEqualTo(ClaimResult.claimed(unclaimed));

		TaskRecord claimed = record(TaskIds.newId(), 0, live());
		String creator = token();
		assertThat(store().insertClaimed(claimed, creator, claimUntil())).isTrue();
		assertThat(store().insertClaimed(withState(claimed, "{\"double\":\"click\"}"), token(),
				claimUntil().plusSeconds(60)))
			.isFalse();
		assertThat(store().find(claimed.id())).contains(claimed);
		assertThat(store().claim(claimed.id(), 0, token(), claimUntil(), claimUntil().plusSeconds(30)).status())
			.as("the first claim is kept, with its own lapse")
			.isEqualTo(ClaimResult.Status.CLAIMED);
		assertThatIllegalStateException().isThrownBy(() -> store().insert(claimed));
	}

	@Test
	void ofSixteenConcurrentClaimsOfOneVersionExactlyOneIsClaimed() throws Exception {
		int threads = 16;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			for (int round = 0; round < 5; round++) {
				TaskRecord record = owned(record(TaskIds.newId(), 3, live()), "owner:" + round);
				if (round % 2 == 0) {
					store().insert(record);
				}
				else {
					// first submits: the task was inserted claimed, and that claim has
					// lapsed
					store().insertClaimed(record, token(), this.now);
				}
				CountDownLatch ready = new CountDownLatch(threads);
				CountDownLatch go = new CountDownLatch(1);
				List<Future<ClaimResult>> attempts = new ArrayList<>();
				for (int i = 0; i < threads; i++) {
					String mine = token();
					attempts.add(pool.submit(() -> {
						ready.countDown();
						assertThat(go.await(10, TimeUnit.SECONDS)).isTrue();
						return store().claim(record.id(), 3, mine, this.now, claimUntil());
					}));
				}
				assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
				go.countDown();
				List<ClaimResult.Status> statuses = new ArrayList<>();
				for (Future<ClaimResult> attempt : attempts) {
					ClaimResult result = attempt.get(30, TimeUnit.SECONDS);
					assertThat(result.record()).isEqualTo(record);
					statuses.add(result.status());
				}
				assertThat(statuses).as("round %d", round)
					.containsOnlyOnce(ClaimResult.Status.CLAIMED)
					.containsOnly(ClaimResult.Status.CLAIMED, ClaimResult.Status.BUSY);
			}
		}
		finally {
			pool.shutdownNow();
			assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		}
	}

	// --- through the engine
	// ---------------------------------------------------------------------

	@Test
	void nestedStateSurvivesASaveAndLoadThroughTheEngine() {
		FlowEngine engine = engine();
		Task task = engine.newTask(flows().byId("contract").orElseThrow(), "me", null);
		Order order = new Order(
				List.of(new Line("book", 2, new BigDecimal("12.50")), new Line("pen", 1, BigDecimal.ONE)),
				Map.of("home", new Address("Main Street 1", "Ghent"), "work", new Address("Dok Noord", "Ghent")),
				Optional.of("ring twice"));
		task.state().put("order", order);
		engine.save(task);

		Task loaded = engine().load(task.id());
		assertThat(loaded.state().get("order", Order.class)).isEqualTo(order);
		assertThat(loaded.position()).isEqualTo(Position.parse("first"));
		assertThat(loaded.version()).isZero();
		assertThat(loaded.binding()).isEqualTo("me");

		engine.apply(loaded, loaded.position(), Outcome.complete(), null);
		engine.save(loaded);
		Task next = engine().load(task.id());
		assertThat(next.position()).isEqualTo(Position.parse("second"));
		assertThat(next.history()).containsExactly(Position.parse("first"));
		assertThat(next.version()).isEqualTo(1);
		assertThat(next.state().get("order", Order.class)).isEqualTo(order);

		Task stale = task; // still at version 0
		stale.state().put("late", true);
		assertThatExceptionOfType(StaleTaskException.class).isThrownBy(() -> engine.save(stale));
		assertThat(engine().load(task.id()).state().contains("late")).isFalse();
	}

	@Test
	void unreadableStoredStateIsACorruptTask() {
		TaskRecord record = withState(record(TaskIds.newId(), 0, live()), "{\"order\": [unterminated");
		writeRaw(record);
		assertThatExceptionOfType(CorruptTaskException.class).isThrownBy(() -> engine().load(record.id()));
	}

	@Test
	void aStoredPositionTheFlowNoLongerHasIsACorruptTask() {
		TaskRecord record = record(TaskIds.newId(), 0, live());
		writeRaw(new TaskRecord(record.id(), record.flow(), "removed-step", record.history(), record.state(),
				record.log(), record.binding(), record.status(), 0, record.createdAt(), record.updatedAt(),
				record.expiresAt()));
		assertThatExceptionOfType(CorruptTaskException.class).isThrownBy(() -> engine().load(record.id()))
			.withMessageContaining("removed-step");
	}

	@Test
	void fieldsStoredByAnOlderBuildAreIgnored() {
		TaskRecord record = withState(record(TaskIds.newId(), 0, live()),
				"{\"address\":{\"street\":\"Main Street 1\",\"city\":\"Ghent\",\"country\":\"BE\"},\"legacy\":7}");
		writeRaw(record);
		Task task = engine().load(record.id());
		assertThat(task.state().get("address", Address.class)).isEqualTo(new Address("Main Street 1", "Ghent"));
		assertThat(task.state().get("legacy", Integer.class)).isEqualTo(7);
	}

	@Test
	void anExpiredTaskIsNotResumed() {
		TaskRecord record = record(TaskIds.newId(), 0, this.now.minusSeconds(1));
		store().insert(record);
		if (expiry() == Expiry.CLEANUP) {
			assertThatExceptionOfType(TaskExpiredException.class).isThrownBy(() -> engine().load(record.id()));
		}
		else {
			assertThatExceptionOfType(TaskNotFoundException.class).isThrownBy(() -> engine().load(record.id()))
				.isNotInstanceOf(TaskExpiredException.class);
		}
	}

	// --- counting live tasks
	// -------------------------------------------------------------------

	@Test
	void liveTasksAreCountedPerFlowAndStep() {
		store().insert(at(record(TaskIds.newId(), 0, live()), "contract", "first"));
		store().insert(at(record(TaskIds.newId(), 0, live()), "contract", "first"));
		store().insertClaimed(at(record(TaskIds.newId(), 0, live()), "contract", "second"), token(), claimUntil());
		store().insert(at(record(TaskIds.newId(), 0, live()), "other", "a/b"));
		TaskRecord completed = at(record(TaskIds.newId(), 0, live()), "contract", "second");
		store().insert(completed);
		store().update(completedAs(completed.withVersion(1)), 0);
		store().insert(at(record(TaskIds.newId(), 0, this.now.minusSeconds(1)), "contract", "first"));

		assertThat(store().countLive(this.now)).hasValueSatisfying((counts) -> {
			assertThat(counts.byFlow())
				.isEqualTo(Map.of("contract", Map.of("first", 2L, "second", 1L), "other", Map.of("a/b", 1L)));
			assertThat(counts.flow("contract")).isEqualTo(3);
			assertThat(counts.total()).isEqualTo(4);
		});
	}

	@Test
	void countsFollowTasksAsTheyMoveAreDeletedAndExpire() {
		TaskRecord moving = at(record(TaskIds.newId(), 0, live()), "contract", "first");
		TaskRecord deleted = at(record(TaskIds.newId(), 0, live()), "contract", "first");
		TaskRecord idle = at(record(TaskIds.newId(), 0, this.now.plusSeconds(30)), "contract", "first");
		TaskRecord touched = at(record(TaskIds.newId(), 0, this.now.plusSeconds(30)), "contract", "first");
		for (TaskRecord record : List.of(moving, deleted, idle, touched)) {
			store().insert(record);
		}

		store().update(at(moving.withVersion(1), "contract", "second"), 0);
		store().delete(deleted.id());
		store().touch(touched.id(), this.now.plus(Duration.ofMinutes(5)));

		assertThat(store().countLive(this.now)).map(TaskCounts::byFlow)
			.contains(Map.of("contract", Map.of("first", 2L, "second", 1L)));
		assertThat(store().countLive(this.now.plusSeconds(30))).map(TaskCounts::byFlow)
			.contains(Map.of("contract", Map.of("first", 1L, "second", 1L)));
		assertThat(store().countLive(this.now.plus(IDLE))).map(TaskCounts::byFlow).contains(Map.of());
	}

	// --- helpers
	// --------------------------------------------------------------------------------

	private static TaskRecord at(TaskRecord record, String flow, String position) {
		return new TaskRecord(record.id(), flow, position, record.history(), record.state(), record.log(),
				record.binding(), record.status(), record.version(), record.createdAt(), record.updatedAt(),
				record.expiresAt(), record.owner());
	}

	private static TaskRecord completedAs(TaskRecord record) {
		return new TaskRecord(record.id(), record.flow(), record.position(), record.history(), record.state(),
				record.log(), record.binding(), "COMPLETED", record.version(), record.createdAt(), record.updatedAt(),
				record.expiresAt(), record.owner());
	}

	/** An expiry well in the future. */
	protected Instant live() {
		return this.now.plus(IDLE);
	}

	/** A task of the test flow at its first step. */
	protected TaskRecord record(String id, long version, Instant expiresAt) {
		return new TaskRecord(id, "contract", "first", "[]", "{\"n\":" + version + "}", "[]", "binding-" + id, "ACTIVE",
				version, this.now.minusSeconds(60), this.now, expiresAt);
	}

	protected static TaskRecord withState(TaskRecord record, String state) {
		return new TaskRecord(record.id(), record.flow(), record.position(), record.history(), state, record.log(),
				record.binding(), record.status(), record.version(), record.createdAt(), record.updatedAt(),
				record.expiresAt(), record.owner());
	}

	protected static TaskRecord owned(TaskRecord record, String owner) {
		return new TaskRecord(record.id(), record.flow(), record.position(), record.history(), record.state(),
				record.log(), record.binding(), record.status(), record.version(), record.createdAt(),
				record.updatedAt(), record.expiresAt(), owner);
	}

	/** A claim token, different every time. */
	protected static String token() {
		return TaskIds.newId();
	}

	/** When a claim taken at {@link #now} lapses. */
	protected Instant claimUntil() {
		return this.now.plus(CLAIM);
	}

	/**
	 * An engine over the store, with a fresh codec, as another node or a restarted
	 * application has.
	 */
	protected FlowEngine engine() {
		return new FlowEngine(flows(), store(), TaskStateCodec.withDefaults(), List.of(),
				Clock.fixed(this.now, ZoneOffset.UTC), TaskTimeouts.DEFAULTS);
	}

	private static FlowRegistry flows() {
		return new FlowRegistry(List.of(FlowBuilder.flow("contract", "/contract")
			.onComplete("redirect:/done")
			.action(First.class)
			.action(Second.class)
			.build()));
	}

	static class First {

		@OnGet
		String show() {
			return "first";
		}

	}

	static class Second {

		@OnGet
		String show() {
			return "second";
		}

	}

	public record Line(String item, int quantity, BigDecimal price) {
	}

	public record Address(String street, String city) {
	}

	public record Order(List<Line> lines, Map<String, Address> addresses, Optional<String> note) {
	}

}
