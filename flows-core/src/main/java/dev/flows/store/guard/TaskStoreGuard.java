package dev.flows.store.guard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.flows.store.TaskStore;
import dev.flows.store.TaskStoreUnavailableException;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * Keeps an outage of the task store from holding the application's threads. Every call to
 * a store {@linkplain #guard(TaskStore) guarded} by it:
 * <ul>
 * <li>is given {@link Builder#timeout} (2 seconds by default), after which its caller
 * gets a {@link TaskStoreUnavailableException}, which the web layer answers with 503.
 * Store clients wait much longer by default: Lettuce 60 seconds for a Redis command,
 * HikariCP 30 seconds for a database connection. How the limit is kept depends on the
 * guard's {@link Isolation}:
 * <ul>
 * <li>{@link Isolation#GUARD_THREAD GUARD_THREAD} (the default): the call runs on one of
 * the guard's own threads (at most {@link Builder#maxConcurrentCalls} at once, the others
 * wait their turn), and its caller stops waiting at the timeout even if the call cannot
 * be interrupted, as a blocking socket read cannot; the late call is then interrupted.
 * Each call costs two hand-offs between threads;</li>
 * <li>{@link Isolation#CALLER_THREAD CALLER_THREAD}: the call runs on its caller's
 * thread, and a single watchdog thread interrupts it once it is late. This costs no
 * hand-off, but bounds only waits that give way to an interrupt: Lettuce's wait for a
 * Redis reply and HikariCP's wait for a connection do, a JDBC driver's socket read on a
 * dead network does not. Right for Redis and the memory store;</li>
 * </ul>
 * </li>
 * <li>runs on the caller's thread instead, without a time limit, while that thread has an
 * actual Spring transaction, so that the JPA store keeps joining the application's
 * transactions;</li>
 * <li>goes through a Resilience4j {@link CircuitBreaker} that counts only
 * {@link TaskStoreUnavailableException}s, timeouts included: a stale version, a corrupt
 * task or a duplicate id are answers of a store that works. When failures repeat, the
 * breaker opens and calls fail at once, without reaching the store, until a wait has
 * passed; then a few calls probe the store, and the breaker closes again if they
 * succeed.</li>
 * </ul>
 * Each change of the breaker's state is logged. A timed-out write may still reach the
 * store after its caller gave up; the stores' version checks make a retry of it safe.
 * <p>
 * One guard holds one breaker, named {@value #CIRCUIT_BREAKER_NAME}: guard one store with
 * it. {@link #close()} stops its threads.
 */
public final class TaskStoreGuard implements AutoCloseable {

	/** The name of the circuit breaker, as its events and metrics show it. */
	public static final String CIRCUIT_BREAKER_NAME = "flowsTaskStore";

	private static final Log logger = LogFactory.getLog(TaskStoreGuard.class);

	// More callers than this waiting for a thread at once means the store is far behind:
	// answer them at once.
	private static final int QUEUE_CAPACITY = 1000;

	private static final CircuitBreakerConfig CIRCUIT_BREAKER_DEFAULTS = CircuitBreakerConfig.custom()
		.slidingWindowType(SlidingWindowType.COUNT_BASED)
		.slidingWindowSize(20)
		.minimumNumberOfCalls(5)
		.failureRateThreshold(50)
		.waitDurationInOpenState(Duration.ofSeconds(5))
		.permittedNumberOfCallsInHalfOpenState(3)
		.recordException(TaskStoreUnavailableException.class::isInstance)
		.writableStackTraceEnabled(false)
		.build();

	private final Duration timeout;

	private final TimeLimiter timeLimiter;

	private final CircuitBreaker circuitBreaker;

	private final Duration waitInOpenState;

	/**
	 * The breaker's state when a call last looked. Each call compares it with the state
	 * it leaves behind, so the call that changes the state logs the change: listening to
	 * the breaker's events instead would make it create an event object for every
	 * successful call.
	 */
	private final AtomicReference<CircuitBreaker.State> lastState;

	private final Isolation isolation;

	private final int maxConcurrentCalls;

	// One of the two, as the isolation says.
	private final ThreadPoolExecutor executor;

	private final CallerThreadTimeouts callerThreadTimeouts;

	private TaskStoreGuard(Builder builder) {
		this.timeout = builder.timeout;
		this.isolation = builder.isolation;
		this.maxConcurrentCalls = builder.maxConcurrentCalls;
		this.timeLimiter = TimeLimiter.of(CIRCUIT_BREAKER_NAME,
				TimeLimiterConfig.custom().timeoutDuration(builder.timeout).cancelRunningFuture(true).build());
		if (builder.circuitBreaker) {
			// From a built config: Resilience4j refuses a builder whose wait is set
			// twice.
			CircuitBreakerConfig.Builder config = CircuitBreakerConfig.from(CIRCUIT_BREAKER_DEFAULTS);
			builder.circuitBreakerCustomizers.forEach((customizer) -> customizer.accept(config));
			this.circuitBreaker = CircuitBreaker.of(CIRCUIT_BREAKER_NAME, config.build());
			this.waitInOpenState = Duration
				.ofMillis(this.circuitBreaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1));
			this.lastState = new AtomicReference<>(this.circuitBreaker.getState());
		}
		else {
			this.circuitBreaker = null;
			this.waitInOpenState = null;
			this.lastState = null;
		}
		if (this.isolation == Isolation.CALLER_THREAD) {
			this.executor = null;
			this.callerThreadTimeouts = new CallerThreadTimeouts(builder.timeout);
		}
		else {
			CustomizableThreadFactory threads = new CustomizableThreadFactory("flows-store-");
			threads.setDaemon(true);
			this.executor = new ThreadPoolExecutor(builder.maxConcurrentCalls, builder.maxConcurrentCalls, 60,
					TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE_CAPACITY), threads);
			this.executor.allowCoreThreadTimeOut(true);
			this.callerThreadTimeouts = null;
		}
	}

	/** A guard with the defaults, to be adjusted. */
	public static Builder builder() {
		return new Builder();
	}

	/** A store that calls {@code store} through this guard. */
	public TaskStore guard(TaskStore store) {
		return new GuardedTaskStore(Objects.requireNonNull(store, "store"), this);
	}

	/** How long a caller waits for one store call. */
	public Duration timeout() {
		return this.timeout;
	}

	/**
	 * How many store calls run at once at most on the guard's threads; no bound with
	 * {@link Isolation#CALLER_THREAD}.
	 */
	public int maxConcurrentCalls() {
		return this.maxConcurrentCalls;
	}

	/** Which thread runs a store call, and how its time limit is kept. */
	public Isolation isolation() {
		return this.isolation;
	}

	/** The circuit breaker, unless the guard has none: its state, metrics and events. */
	public Optional<CircuitBreaker> circuitBreaker() {
		return Optional.ofNullable(this.circuitBreaker);
	}

	/**
	 * The watchdog of calls on their callers' threads, if the guard has one; for tests.
	 */
	CallerThreadTimeouts callerThreadTimeouts() {
		return this.callerThreadTimeouts;
	}

	/** Stops the guard's threads, interrupting calls still running; later calls fail. */
	@Override
	public void close() {
		if (this.executor != null) {
			this.executor.shutdownNow();
		}
		else {
			this.callerThreadTimeouts.close();
		}
	}

	/**
	 * Runs {@code work}, one call of the guarded store, under the time limit and the
	 * circuit breaker.
	 */
	<T> T call(String operation, Supplier<T> work) {
		Supplier<T> call = Transactions.active() ? work : () -> callWithTimeout(operation, work);
		if (this.circuitBreaker == null) {
			return call.get();
		}
		try {
			return this.circuitBreaker.executeSupplier(call);
		}
		catch (CallNotPermittedException ex) {
			throw new StoreConsideredDownException("The task store is considered down after repeated failures, so "
					+ operation + " was not attempted; it is probed again " + this.waitInOpenState.toMillis()
					+ " ms after it was found down");
		}
		finally {
			logStateChange();
		}
	}

	private <T> T callWithTimeout(String operation, Supplier<T> work) {
		if (this.callerThreadTimeouts != null) {
			return this.callerThreadTimeouts.call(operation, work);
		}
		FutureTask<T> task = new FutureTask<>(work::get);
		try {
			this.executor.execute(task);
		}
		catch (RejectedExecutionException ex) {
			throw new TaskStoreUnavailableException("The task store is too far behind: " + QUEUE_CAPACITY
					+ " calls are waiting already (" + operation + ")", ex);
		}
		try {
			return this.timeLimiter.executeFutureSupplier(() -> task);
		}
		catch (TimeoutException ex) {
			// The time limiter interrupted the call if it had started; drop it from the
			// queue if not.
			this.executor.remove(task);
			throw new TaskStoreUnavailableException(
					"The task store did not answer within " + this.timeout.toMillis() + " ms (" + operation + ")", ex);
		}
		catch (InterruptedException ex) {
			task.cancel(true);
			this.executor.remove(task);
			Thread.currentThread().interrupt();
			throw new TaskStoreUnavailableException("Interrupted while waiting for the task store (" + operation + ")",
					ex);
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			// TaskStore methods declare no checked exception; the time limiter's
			// signature does.
			throw new IllegalStateException(ex);
		}
	}

	private void logStateChange() {
		CircuitBreaker.State before = this.lastState.get();
		CircuitBreaker.State now = this.circuitBreaker.getState();
		if (now != before && this.lastState.compareAndSet(before, now)) {
			log(before, now);
		}
	}

	private void log(CircuitBreaker.State from, CircuitBreaker.State to) {
		// No failure counts: calls that were under way when the state changed keep adding
		// to them.
		switch (to) {
			case OPEN -> logger.warn(((from == CircuitBreaker.State.HALF_OPEN) ? "The task store still fails"
					: "The task store is considered down after repeated failures")
					+ ": flow requests that need it answer 503 at once; it is probed again in "
					+ this.waitInOpenState.toMillis() + " ms");
			case HALF_OPEN -> logger.info("Probing the task store");
			case CLOSED -> logger.info("The task store answers again");
			default -> logger.info("Task store circuit breaker: from " + from + " to " + to);
		}
	}

	/**
	 * Whether the calling thread runs an actual Spring transaction, which store calls
	 * must join.
	 */
	private static final class Transactions {

		private static final boolean PRESENT = ClassUtils.isPresent(
				"org.springframework.transaction.support.TransactionSynchronizationManager",
				TaskStoreGuard.class.getClassLoader());

		static boolean active() {
			return PRESENT && TransactionSynchronizationManager.isActualTransactionActive();
		}

	}

	/** Which thread runs a guarded store call, and so how its time limit is kept. */
	public enum Isolation {

		/**
		 * On one of the guard's threads, while the caller waits at most the timeout: the
		 * limit holds whatever the call waits for, at the cost of two hand-offs between
		 * threads per call.
		 */
		GUARD_THREAD,

		/**
		 * On the caller's thread, which a watchdog interrupts once the call outlasts the
		 * timeout: no hand-off, but the limit holds only for waits that give way to an
		 * interrupt (Lettuce's, HikariCP's), not for a blocking socket read.
		 */
		CALLER_THREAD

	}

	/** Settings of a {@link TaskStoreGuard}. */
	public static final class Builder {

		private Duration timeout = Duration.ofSeconds(2);

		private int maxConcurrentCalls = 200;

		private final List<Consumer<CircuitBreakerConfig.Builder>> circuitBreakerCustomizers = new ArrayList<>();

		private boolean circuitBreaker = true;

		private Isolation isolation = Isolation.GUARD_THREAD;

		private Builder() {
		}

		/**
		 * Which thread runs a store call: {@link Isolation#GUARD_THREAD} by default,
		 * which bounds any wait; {@link Isolation#CALLER_THREAD} saves the hand-offs
		 * where every wait of the store's client gives way to an interrupt.
		 */
		public Builder isolation(Isolation isolation) {
			this.isolation = Objects.requireNonNull(isolation, "isolation");
			return this;
		}

		/** How long a caller waits for one store call; 2 seconds by default. */
		public Builder timeout(Duration timeout) {
			Assert.isTrue(timeout != null && !timeout.isNegative() && !timeout.isZero(), "timeout must be positive");
			this.timeout = timeout;
			return this;
		}

		/**
		 * How many store calls run at once, 200 by default (as many as Tomcat's request
		 * threads); further calls wait for a thread, within their timeout. Fewer threads
		 * than callers make calls queue behind each other whenever the store is slow, and
		 * time out sooner than the store would have answered: the bound is for a store
		 * that hangs, not for load. No bound with {@link Isolation#CALLER_THREAD}: each
		 * call runs on its caller's thread.
		 */
		public Builder maxConcurrentCalls(int maxConcurrentCalls) {
			Assert.isTrue(maxConcurrentCalls > 0, "maxConcurrentCalls must be positive");
			this.maxConcurrentCalls = maxConcurrentCalls;
			return this;
		}

		/**
		 * Adjusts the circuit breaker's settings. Flows' defaults: the last 20 calls
		 * count, and once 5 calls were made, the breaker opens when half of them failed;
		 * it stays open 5 seconds, then lets 3 calls probe the store. Only
		 * {@link TaskStoreUnavailableException}s count as failures; a customizer that
		 * changes that replaces it.
		 */
		public Builder circuitBreaker(Consumer<CircuitBreakerConfig.Builder> customizer) {
			this.circuitBreakerCustomizers.add(Objects.requireNonNull(customizer, "customizer"));
			return this;
		}

		/**
		 * No circuit breaker: every call tries the store, and only the timeout applies.
		 */
		public Builder withoutCircuitBreaker() {
			this.circuitBreaker = false;
			return this;
		}

		/**
		 * A guard with these settings, for one store. It has threads of its own, so
		 * {@linkplain TaskStoreGuard#close() close} it when the store is no longer used;
		 * Spring does for a guard declared as a bean.
		 */
		public TaskStoreGuard build() {
			return new TaskStoreGuard(this);
		}

	}

}
