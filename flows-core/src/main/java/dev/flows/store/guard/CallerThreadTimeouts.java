package dev.flows.store.guard;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.flows.store.TaskStoreUnavailableException;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Bounds store calls that run on their callers' threads: one watchdog thread looks over
 * the calls in flight every tick and interrupts the callers of those past their deadline.
 * A call that ends in time costs a set insertion and removal, and wakes no thread. Only
 * waits that give way to an interrupt are bounded (Lettuce's wait for a reply, HikariCP's
 * wait for a connection); a blocking socket read is not.
 */
final class CallerThreadTimeouts implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(CallerThreadTimeouts.class);

	private final Duration timeout;

	private final long timeoutNanos;

	private final Set<Call> inFlight = ConcurrentHashMap.newKeySet();

	private final ScheduledThreadPoolExecutor watchdog;

	private volatile boolean closed;

	CallerThreadTimeouts(Duration timeout) {
		this.timeout = timeout;
		this.timeoutNanos = timeout.toNanos();
		CustomizableThreadFactory threads = new CustomizableThreadFactory("flows-store-watchdog-");
		threads.setDaemon(true);
		this.watchdog = new ScheduledThreadPoolExecutor(1, threads);
		// A tenth of the timeout, within 10 and 100 ms: a late call answers at most that
		// much after its deadline, and an idle watchdog wakes 10 times a second.
		long tick = Math.max(10, Math.min(100, timeout.toMillis() / 10));
		this.watchdog.scheduleWithFixedDelay(this::interruptLateCalls, tick, tick, TimeUnit.MILLISECONDS);
	}

	<T> T call(String operation, Supplier<T> work) {
		if (this.closed) {
			throw new TaskStoreUnavailableException("The task store guard is closed (" + operation + ")", null);
		}
		Thread caller = Thread.currentThread();
		boolean interruptedBefore = caller.isInterrupted();
		Call call = new Call(caller, System.nanoTime() + this.timeoutNanos);
		this.inFlight.add(call);
		T result = null;
		Throwable failure = null;
		try {
			result = work.get();
		}
		catch (Throwable ex) {
			failure = ex;
		}
		this.inFlight.remove(call);
		if (!call.finish()) {
			// The watchdog interrupted this thread for this call: clear that interrupt,
			// so that it cannot hit whatever the thread does next, and keep one the
			// caller had before.
			call.awaitInterrupt();
			Thread.interrupted();
			if (interruptedBefore) {
				caller.interrupt();
			}
			String message = "The task store did not answer within " + this.timeout.toMillis() + " ms (" + operation
					+ ")";
			throw new TaskStoreUnavailableException(message,
					(failure != null) ? failure : new TimeoutException("answered late: " + message));
		}
		if (failure instanceof RuntimeException ex) {
			throw ex;
		}
		if (failure instanceof Error error) {
			throw error;
		}
		if (failure != null) {
			// Checked exceptions a Supplier throws sneakily: TaskStore declares none.
			throw new IllegalStateException(failure);
		}
		return result;
	}

	/** How many calls are in flight; for tests. */
	int inFlight() {
		return this.inFlight.size();
	}

	private void interruptLateCalls() {
		try {
			long now = System.nanoTime();
			for (Call call : this.inFlight) {
				if (now - call.deadline >= 0) {
					call.interrupt();
				}
			}
		}
		catch (RuntimeException ex) {
			// A scheduled task that throws is never run again: keep watching.
			logger.warn("The task store watchdog failed to look over the calls in flight", ex);
		}
	}

	@Override
	public void close() {
		this.closed = true;
		this.watchdog.shutdownNow();
	}

	/** One store call in flight on its caller's thread. */
	private static final class Call {

		private static final int RUNNING = 0;

		private static final int FINISHED = 1;

		private static final int TIMED_OUT = 2;

		private static final int INTERRUPTED = 3;

		private final Thread thread;

		private final long deadline;

		private final AtomicInteger state = new AtomicInteger(RUNNING);

		Call(Thread thread, long deadline) {
			this.thread = thread;
			this.deadline = deadline;
		}

		/** Ends the call; false if the watchdog timed it out first. */
		boolean finish() {
			return this.state.compareAndSet(RUNNING, FINISHED);
		}

		/** Interrupts the caller, unless the call has ended. */
		void interrupt() {
			if (this.state.compareAndSet(RUNNING, TIMED_OUT)) {
				this.thread.interrupt();
				this.state.set(INTERRUPTED);
			}
		}

		/**
		 * Waits for the watchdog's interrupt to land, which follows its decision by a few
		 * instructions: cleared earlier, it would land on the caller's next work.
		 */
		void awaitInterrupt() {
			while (this.state.get() != INTERRUPTED) {
				Thread.yield();
			}
		}

	}

}
