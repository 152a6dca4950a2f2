package dev.flows.store.guard;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import dev.flows.engine.MutableClock;
import dev.flows.engine.TaskIds;
import dev.flows.store.ClaimResult;
import dev.flows.store.CorruptTaskException;
import dev.flows.store.StaleTaskException;
import dev.flows.store.TaskRecord;
import dev.flows.store.TaskStore;
import dev.flows.store.TaskStoreUnavailableException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willReturn;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * The guard over a fake store: time limit, circuit breaker, and which thread runs a call.
 * The breaker reads a clock the tests move, and hanging calls are released by latches, so
 * nothing here waits on the wall clock beyond the guard's own 200 ms timeout.
 */
@ExtendWith(OutputCaptureExtension.class)
class TaskStoreGuardTest {

	private static final Duration TIMEOUT = Duration.ofMillis(200);

	private static final Duration WAIT_IN_OPEN_STATE = Duration.ofSeconds(10);

	/**
	 * Bounds every test that makes a call which may hang: a hang fails the test instead
	 * of the build.
	 */
	private static final Duration HANG = Duration.ofSeconds(10);

	private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T10:00:00Z"));

	private final TaskStore delegate = mock(TaskStore.class);

	private TaskStoreGuard guard;

	@AfterEach
	void close() {
		if (this.guard != null) {
			this.guard.close();
		}
	}

	/**
	 * A store guarded with a short timeout and a small breaker: 4 calls decide, 2 probe.
	 */
	private TaskStore guarded() {
		return guarded((builder) -> {
		});
	}

	private TaskStore guarded(Consumer<TaskStoreGuard.Builder> settings) {
		TaskStoreGuard.Builder builder = TaskStoreGuard.builder()
			.timeout(TIMEOUT)
			.circuitBreaker((config) -> config.clock(this.clock)
				.slidingWindowSize(10)
				.minimumNumberOfCalls(4)
				.waitDurationInOpenState(WAIT_IN_OPEN_STATE)
				.permittedNumberOfCallsInHalfOpenState(2));
		settings.accept(builder);
		this.guard = builder.build();
		return this.guard.guard(this.delegate);
	}

	private CircuitBreaker.State state() {
		return this.guard.circuitBreaker().orElseThrow().getState();
	}

	// --- pass-through
	// ---------------------------------------------------------------------------

	@Test
	void whatTheStoreAnswersPassesThrough() {
		TaskStore store = guarded();
		TaskRecord record = record();
		Instant now = this.clock.instant();
		given(this.delegate.find(record.id())).willReturn(Optional.of(record));
		given(this.delegate.insertClaimed(record, "token", now)).willReturn(true);
		given(this.delegate.claim(record.id(), 3, "token", now, now)).willReturn(ClaimResult.stale(record));
		given(this.delegate.touch(record.id(), now)).willReturn(true);
		given(this.delegate.deleteExpired(now, 50)).willReturn(7);

		assertThat(store.find(record.id())).contains(record);
		store.insert(record);
		assertThat(store.insertClaimed(record, "token", now)).isTrue();
		assertThat(store.claim(record.id(), 3, "token", now, now)).isEqualTo(ClaimResult.stale(record));
		store.release(record.id(), "token");
		store.update(record, 2);
		assertThat(store.touch(record.id(), now)).isTrue();
		store.delete(record.id());
		assertThat(store.deleteExpired(now, 50)).isEqualTo(7);

		verify(this.delegate).insert(record);
		verify(this.delegate).release(record.id(), "token");
		verify(this.delegate).update(record, 2);
		verify(this.delegate).delete(record.id());
		assertThat(state()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void staleCorruptAndOtherExceptionsPassThroughAndDoNotOpenTheBreaker() {
		TaskStore store = guarded();
		RuntimeException[] answers = { new StaleTaskException("t", 1), new CorruptTaskException("bad", null),
				new IllegalStateException("exists"), new UnsupportedOperationException("no") };
		for (RuntimeException answer : answers) {
			willThrow(answer).given(this.delegate).update(any(), any(Long.class));
			for (int i = 0; i < 10; i++) {
				assertThat(catchThrowable(() -> store.update(record(), 1))).isSameAs(answer);
			}
		}
		verify(this.delegate, times(40)).update(any(), any(Long.class));
		assertThat(state()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	// --- time limit
	// -----------------------------------------------------------------------------

	@Test
	void aCallThatHangsAnswersUnavailableAfterTheTimeoutAndIsInterrupted() throws InterruptedException {
		TaskStore store = guarded();
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch never = new CountDownLatch(1);
		CountDownLatch interrupted = new CountDownLatch(1);
		given(this.delegate.find("t")).willAnswer((invocation) -> {
			started.countDown();
			try {
				never.await();
			}
			catch (InterruptedException ex) {
				interrupted.countDown();
			}
			return Optional.empty();
		});

		assertTimeoutPreemptively(HANG,
				() -> assertThatExceptionOfType(TaskStoreUnavailableException.class).isThrownBy(() -> store.find("t"))
					.withMessage("The task store did not answer within 200 ms (find)")
					.withCauseInstanceOf(TimeoutException.class));

		assertThat(started.getCount()).as("the store was called").isZero();
		assertThat(interrupted.await(HANG.toSeconds(), TimeUnit.SECONDS)).as("the late call was interrupted").isTrue();
	}

	@Test
	void aCallThatIgnoresInterruptsStillReleasesItsCallerAtTheTimeout() throws InterruptedException {
		// A blocking socket read ignores interrupts: the caller must not wait for it
		// anyway.
		TaskStore store = guarded();
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch finished = new CountDownLatch(1);
		given(this.delegate.touch(anyString(), any())).willAnswer((invocation) -> {
			awaitUninterruptibly(release);
			finished.countDown();
			return true;
		});

		assertTimeoutPreemptively(HANG,
				() -> assertThatExceptionOfType(TaskStoreUnavailableException.class)
					.isThrownBy(() -> store.touch("t", this.clock.instant()))
					.withMessageContaining("(touch)"));

		assertThat(finished.getCount()).as("the store call still runs").isOne();
		release.countDown();
		assertThat(finished.await(HANG.toSeconds(), TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void callsRunOnTheGuardsThreads() {
		TaskStore store = guarded();
		AtomicReference<Thread> ranOn = new AtomicReference<>();
		given(this.delegate.find("t")).willAnswer((invocation) -> {
			ranOn.set(Thread.currentThread());
			return Optional.empty();
		});

		store.find("t");

		assertThat(ranOn.get()).isNotSameAs(Thread.currentThread());
		assertThat(ranOn.get().getName()).startsWith("flows-store-");
		assertThat(ranOn.get().isDaemon()).isTrue();
	}

	@Test
	void insideATransactionCallsRunOnTheCallersThreadSoThatTheStoreJoinsIt() {
		TaskStore store = guarded();
		AtomicReference<Thread> ranOn = new AtomicReference<>();
		given(this.delegate.find("t")).willAnswer((invocation) -> {
			ranOn.set(Thread.currentThread());
			return Optional.empty();
		});

		transactions().executeWithoutResult((status) -> store.find("t"));
		assertThat(ranOn.get()).isSameAs(Thread.currentThread());

		store.find("t");
		assertThat(ranOn.get()).isNotSameAs(Thread.currentThread());
	}

	@Test
	void insideATransactionAnOpenBreakerStillAnswersAtOnce() {
		TaskStore store = guarded();
		willThrow(unavailable()).given(this.delegate).delete("t");
		for (int i = 0; i < 4; i++) {
			assertThatExceptionOfType(TaskStoreUnavailableException.class).isThrownBy(() -> store.delete("t"));
		}

		transactions().executeWithoutResult((status) -> assertThatExceptionOfType(StoreConsideredDownException.class)
			.isThrownBy(() -> store.delete("t")));
		verify(this.delegate, times(4)).delete("t");
	}

	// --- caller-thread isolation
	// ------------------------------------------------------------------------

	private TaskStore guardedOnCallersThread() {
		return guarded((builder) -> builder.isolation(TaskStoreGuard.Isolation.CALLER_THREAD));
	}

	@Test
	void onTheCallersThreadACallThatHangsIsInterruptedAndAnswersUnavailableAfterTheTimeout() {
		TaskStore store = guardedOnCallersThread();
		AtomicReference<Thread> ranOn = new AtomicReference<>();
		given(this.delegate.find("t")).willAnswer((invocation) -> {
			ranOn.set(Thread.currentThread());
			new CountDownLatch(1).await();
			return Optional.empty();
		});

		assertTimeoutPreemptively(HANG, () -> {
			long start = System.nanoTime();
			assertThatExceptionOfType(TaskStoreUnavailableException.class).isThrownBy(() -> store.find("t"))
				.withMessage("The task store did not answer within 200 ms (find)")
				.withCauseInstanceOf(InterruptedException.class);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("not before the deadline")
				.isGreaterThanOrEqualTo(TIMEOUT);
			assertThat(ranOn.get()).isSameAs(Thread.currentThread());
			assertThat(Thread.currentThread().isInterrupted()).as("the watchdog's interrupt is cleared").isFalse();
			// The thread waits again as any other: the interrupt is not left to hit it.
			assertThat(new CountDownLatch(1).await(3 * TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isFalse();
		});
		assertThat(this.guard.isolation()).isEqualTo(TaskStoreGuard.Isolation.CALLER_THREAD);
	}

	@Test
	void onTheCallersThreadALateAnswerIsUnavailableToo() {
		// A client that swallows the interrupt and answers after the deadline: the caller
		// gets what it would get from a guard thread.
		TaskStore store = guardedOnCallersThread();
		given(this.delegate.touch(anyString(), any())).willAnswer((invocation) -> {
			awaitUninterruptibly(new CountDownLatch(1), 2 * TIMEOUT.toMillis());
			return true;
		});

		assertTimeoutPreemptively(HANG, () -> {
			assertThatExceptionOfType(TaskStoreUnavailableException.class)
				.isThrownBy(() -> store.touch("t", this.clock.instant()))
				.withMessage("The task store did not answer within 200 ms (touch)")
				.withCauseInstanceOf(TimeoutException.class);
			assertThat(Thread.currentThread().isInterrupted()).isFalse();
		});
	}

	@Test
	void onTheCallersThreadAFastCallIsLeftAlone() throws Exception {
		TaskStore store = guardedOnCallersThread();
		AtomicReference<Thread> ranOn = new AtomicReference<>();
		TaskRecord record = record();
		given(this.delegate.find(record.id())).willAnswer((invocation) -> {
			ranOn.set(Thread.currentThread());
			return Optional.of(record);
		});
		TaskStoreUnavailableException failure = unavailable();
		willThrow(failure).given(this.delegate).delete("t");
		given(this.delegate.find("hangs")).willAnswer((invocation) -> {
			new CountDownLatch(1).await();
			return Optional.empty();
		});
		CountDownLatch laterCallTimedOut = new CountDownLatch(1);
		ExecutorService caller = Executors.newSingleThreadExecutor();
		try {
			Future<Boolean> interruptedAfterwards = caller.submit(() -> {
				assertThat(store.find(record.id())).contains(record);
				assertThat(catchThrowable(() -> store.delete("t"))).isSameAs(failure);
				assertThat(ranOn.get()).isSameAs(Thread.currentThread());
				// Waits as any thread would; an interrupt meant for the calls above would
				// end it.
				try {
					return !laterCallTimedOut.await(HANG.toSeconds(), TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					return true;
				}
			});
			await().atMost(HANG).until(() -> ranOn.get() != null && this.guard.callerThreadTimeouts().inFlight() == 0);

			// A call made later times out: the watchdog has looked over the calls in
			// flight after the deadlines of the fast calls.
			assertThatExceptionOfType(TaskStoreUnavailableException.class).isThrownBy(() -> store.find("hangs"));
			laterCallTimedOut.countDown();

			assertThat(interruptedAfterwards.get(HANG.toSeconds(), TimeUnit.SECONDS)).as("interrupted").isFalse();
		}
		finally {
			caller.shutdownNow();
		}
	}

	@Test
	void onTheCallersThreadAnInterruptTheCallerHadIsKept() {
		TaskStore store = guardedOnCallersThread();
		given(this.delegate.touch(anyString(), any())).willAnswer((invocation) -> {
			awaitUninterruptibly(new CountDownLatch(1), 2 * TIMEOUT.toMillis());
			return true;
		});

		assertTimeoutPreemptively(HANG, () -> {
			Thread.currentThread().interrupt();
			assertThatExceptionOfType(TaskStoreUnavailableException.class)
				.isThrownBy(() -> store.touch("t", this.clock.instant()));
			assertThat(Thread.interrupted()).isTrue();
		});
	}

	@Test
	void onTheCallersThreadConcurrentCallsEachHaveTheirOwnDeadline() throws Exception {
		TaskStore store = guardedOnCallersThread();
		CountDownLatch firstStarted = new CountDownLatch(1);
		long[] firstStart = new long[1];
		given(this.delegate.find("first")).willAnswer((invocation) -> {
			firstStart[0] = System.nanoTime();
			firstStarted.countDown();
			new CountDownLatch(1).await();
			return Optional.empty();
		});
		given(this.delegate.find("second")).willAnswer((invocation) -> {
			new CountDownLatch(1).await();
			return Optional.empty();
		});
		given(this.delegate.find("fast")).willReturn(Optional.empty());
		ExecutorService callers = Executors.newFixedThreadPool(2);
		try {
			Future<Duration> first = callers.submit(() -> timeToFailure(() -> store.find("first")));
			assertThat(firstStarted.await(HANG.toSeconds(), TimeUnit.SECONDS)).isTrue();
			// Half the timeout into the first call: with a deadline shared with it, the
			// second call would fail after about half the timeout.
			await().pollInterval(Duration.ofMillis(5))
				.atMost(HANG)
				.until(() -> Duration.ofNanos(System.nanoTime() - firstStart[0]).compareTo(TIMEOUT.dividedBy(2)) >= 0);
			Future<Duration> second = callers.submit(() -> timeToFailure(() -> store.find("second")));
			assertThat(store.find("fast")).as("a call made meanwhile answers").isEmpty();

			assertThat(first.get(HANG.toSeconds(), TimeUnit.SECONDS)).isGreaterThanOrEqualTo(TIMEOUT);
			assertThat(second.get(HANG.toSeconds(), TimeUnit.SECONDS)).isGreaterThanOrEqualTo(TIMEOUT);
		}
		finally {
			callers.shutdownNow();
		}
		assertThat(this.guard.callerThreadTimeouts().inFlight()).isZero();
	}

	@Test
	void onTheCallersThreadAClosedGuardRefusesCalls() {
		TaskStore store = guardedOnCallersThread();
		this.guard.close();
		assertThatExceptionOfType(TaskStoreUnavailableException.class).isThrownBy(() -> store.find("t"));
		verify(this.delegate, times(0)).find(anyString());
	}

	/** How long {@code call} took to fail with {@link TaskStoreUnavailableException}. */
	private static Duration timeToFailure(Runnable call) {
		long start = System.nanoTime();
		assertThatExceptionOfType(TaskStoreUnavailableException.class).isThrownBy(call::run)
			.withMessageContaining("did not answer");
		return Duration.ofNanos(System.nanoTime() - start);
	}

	// --- circuit breaker
	// ------------------------------------------------------------------------

	@Test
	void repeatedFailuresOpenTheBreakerAndLaterCallsFailWithoutReachingTheStore() {
		TaskStore store = guarded();
		TaskStoreUnavailableException failure = unavailable();
		given(this.delegate.find(anyString())).willThrow(failure);
		for (int i = 0; i < 4; i++) {
			assertThat(catchThrowable(() -> store.find("t"))).isSameAs(failure);
		}
		assertThat(state()).isEqualTo(CircuitBreaker.State.OPEN);

		for (int i = 0; i < 10; i++) {
			assertThatExceptionOfType(TaskStoreUnavailableException.class).isThrownBy(() -> store.find("t"))
				.withMessageStartingWith(
						"The task store is considered down after repeated failures, so find was not" + " attempted");
		}
		verify(this.delegate, times(4)).find(anyString());
	}

	@ParameterizedTest
	@EnumSource(TaskStoreGuard.Isolation.class)
	void timeoutsCountAsFailures(TaskStoreGuard.Isolation isolation) {
		TaskStore store = guarded((builder) -> builder.isolation(isolation));
		given(this.delegate.find(anyString())).willAnswer((invocation) -> {
			new CountDownLatch(1).await();
			return Optional.empty();
		});
		assertTimeoutPreemptively(HANG, () -> {
			for (int i = 0; i < 4; i++) {
				assertThatExceptionOfType(TaskStoreUnavailableException.class).isThrownBy(() -> store.find("t"))
					.withMessageContaining("did not answer");
			}
		});
		assertThat(state()).isEqualTo(CircuitBreaker.State.OPEN);

		assertThatExceptionOfType(StoreConsideredDownException.class).isThrownBy(() -> store.find("t"));
		verify(this.delegate, times(4)).find(anyString());
	}

	@Test
	void afterTheWaitProbesCloseTheBreakerWhenTheStoreIsBack() {
		TaskStore store = guarded();
		given(this.delegate.find(anyString())).willThrow(unavailable());
		openTheBreaker(store);

		this.clock.advance(WAIT_IN_OPEN_STATE.minusMillis(1));
		assertThatExceptionOfType(StoreConsideredDownException.class).isThrownBy(() -> store.find("t"));
		verify(this.delegate, times(4)).find(anyString());

		this.clock.advance(Duration.ofMillis(2));
		willReturn(Optional.empty()).given(this.delegate).find(anyString());
		assertThat(store.find("t")).isEmpty();
		assertThat(state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
		assertThat(store.find("t")).isEmpty();
		assertThat(state()).isEqualTo(CircuitBreaker.State.CLOSED);

		for (int i = 0; i < 10; i++) {
			assertThat(store.find("t")).isEmpty();
		}
		verify(this.delegate, times(4 + 2 + 10)).find(anyString());
	}

	@Test
	void probesThatFailOpenTheBreakerAgain() {
		TaskStore store = guarded();
		given(this.delegate.find(anyString())).willThrow(unavailable());
		openTheBreaker(store);

		this.clock.advance(WAIT_IN_OPEN_STATE.plusMillis(1));
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(TaskStoreUnavailableException.class).isThrownBy(() -> store.find("t"));
		}
		assertThat(state()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThatExceptionOfType(StoreConsideredDownException.class).isThrownBy(() -> store.find("t"));
		verify(this.delegate, times(4 + 2)).find(anyString());
	}

	@Test
	void eachChangeOfTheBreakersStateIsLoggedOnce(CapturedOutput output) {
		TaskStore store = guarded();
		given(this.delegate.find(anyString())).willThrow(unavailable());
		openTheBreaker(store);
		for (int i = 0; i < 5; i++) {
			assertThatExceptionOfType(StoreConsideredDownException.class).isThrownBy(() -> store.find("t"));
		}
		assertThat(output.getOut().split("considered down after repeated failures: flow requests", -1)).hasSize(2);
		assertThat(output).doesNotContain("Probing the task store");

		this.clock.advance(WAIT_IN_OPEN_STATE.plusMillis(1));
		willReturn(Optional.empty()).given(this.delegate).find(anyString());
		for (int i = 0; i < 5; i++) {
			assertThat(store.find("t")).isEmpty();
		}
		assertThat(output.getOut().split("Probing the task store", -1)).hasSize(2);
		assertThat(output.getOut().split("The task store answers again", -1)).hasSize(2);
		assertThat(output.getOut().indexOf("Probing the task store"))
			.isLessThan(output.getOut().indexOf("The task store answers again"));
	}

	@Test
	void withoutACircuitBreakerEveryCallTriesTheStore() {
		TaskStore store = guarded(TaskStoreGuard.Builder::withoutCircuitBreaker);
		willThrow(unavailable()).given(this.delegate).delete("t");
		for (int i = 0; i < 20; i++) {
			assertThatExceptionOfType(TaskStoreUnavailableException.class).isThrownBy(() -> store.delete("t"));
		}
		verify(this.delegate, times(20)).delete("t");
		assertThat(this.guard.circuitBreaker()).isEmpty();
	}

	@Test
	void aClosedGuardRefusesCalls() {
		TaskStore store = guarded();
		this.guard.close();
		assertThatExceptionOfType(TaskStoreUnavailableException.class).isThrownBy(() -> store.find("t"));
		verify(this.delegate, times(0)).find(anyString());
	}

	@Test
	void defaults() {
		this.guard = TaskStoreGuard.builder().build();
		assertThat(this.guard.timeout()).isEqualTo(Duration.ofSeconds(2));
		assertThat(this.guard.maxConcurrentCalls()).isEqualTo(200);
		assertThat(this.guard.isolation()).isEqualTo(TaskStoreGuard.Isolation.GUARD_THREAD);
		CircuitBreaker breaker = this.guard.circuitBreaker().orElseThrow();
		assertThat(breaker.getName()).isEqualTo("flowsTaskStore");
		assertThat(breaker.getCircuitBreakerConfig().getFailureRateThreshold()).isEqualTo(50);
		assertThat(breaker.getCircuitBreakerConfig().getMinimumNumberOfCalls()).isEqualTo(5);
		assertThat(breaker.getCircuitBreakerConfig().getSlidingWindowSize()).isEqualTo(20);
		assertThat(breaker.getCircuitBreakerConfig().getPermittedNumberOfCallsInHalfOpenState()).isEqualTo(3);
		assertThat(breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1)).isEqualTo(5000);
	}

	private void openTheBreaker(TaskStore store) {
		for (int i = 0; i < 4; i++) {
			assertThatExceptionOfType(TaskStoreUnavailableException.class).isThrownBy(() -> store.find("t"));
		}
		assertThat(state()).isEqualTo(CircuitBreaker.State.OPEN);
	}

	private static TransactionTemplate transactions() {
		return new TransactionTemplate(
				new DataSourceTransactionManager(new DriverManagerDataSource("jdbc:h2:mem:guard-test", "sa", "")));
	}

	private static TaskStoreUnavailableException unavailable() {
		return new TaskStoreUnavailableException("connection refused", null);
	}

	private TaskRecord record() {
		Instant now = this.clock.instant();
		return new TaskRecord(TaskIds.newId(), "f", "step", null, "{}", null, "b", "ACTIVE", 1, now, now,
				now.plusSeconds(60));
	}

	/** Waits {@code millis} whatever interrupts come, as a client that swallows them. */
	private static void awaitUninterruptibly(CountDownLatch latch, long millis) {
		long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
		while (true) {
			try {
				latch.await(end - System.nanoTime(), TimeUnit.NANOSECONDS);
				return;
			}
			catch (InterruptedException ex) {
				// keep waiting
			}
		}
	}

	private static void awaitUninterruptibly(CountDownLatch latch) {
		while (true) {
			try {
				latch.await();
				return;
			}
			catch (InterruptedException ex) {
				// keep waiting, as a blocking read would
			}
		}
	}

}
