package dev.flows.autoconfigure;

import dev.flows.store.TaskStore;
import dev.flows.store.guard.TaskStoreGuard.Isolation;

import org.springframework.aop.support.AopUtils;

/**
 * Chooses, for {@code flows.store.guard.isolation=auto}, the thread a guarded store call
 * runs on. The caller's thread, with no hand-off, for the stores whose every wait gives
 * way to an interrupt: Redis (Lettuce waits for a reply on a future) and the memory
 * store. The guard's threads otherwise:
 * <ul>
 * <li>the JPA store on a network database, where a JDBC driver's socket read on a dead
 * network blocks, deaf to interrupts, until the operating system gives up;</li>
 * <li>the JPA store on an in-memory database too: with H2 in memory, the store's
 * statements on the request threads took the application more than twice the CPU per
 * completed flow they take on the guard's threads (measured side by side with
 * {@code scripts/bench.sh}'s load driver), far more than the hand-offs they spare;</li>
 * <li>a store of the application's, of which nothing is known.</li>
 * </ul>
 */
final class StoreGuardIsolation {

	private static final String REDIS_STORE = "dev.flows.store.redis.RedisTaskStore";

	private static final String MEMORY_STORE = "dev.flows.store.memory.InMemoryTaskStore";

	private StoreGuardIsolation() {
	}

	/** The isolation for {@code store}. */
	static Isolation of(TaskStore store) {
		// By name: the Redis store's class needs libraries that may be absent.
		Class<?> type = AopUtils.getTargetClass(store);
		if (is(type, REDIS_STORE) || is(type, MEMORY_STORE)) {
			return Isolation.CALLER_THREAD;
		}
		return Isolation.GUARD_THREAD;
	}

	private static boolean is(Class<?> type, String name) {
		for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
			if (candidate.getName().equals(name)) {
				return true;
			}
		}
		return false;
	}

}
