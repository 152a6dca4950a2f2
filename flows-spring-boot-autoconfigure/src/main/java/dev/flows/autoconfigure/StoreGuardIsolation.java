package dev.flows.autoconfigure;

import javax.sql.DataSource;

import dev.flows.store.TaskStore;
import dev.flows.store.guard.TaskStoreGuard.Isolation;
import dev.flows.store.jpa.JpaTaskStore;
import dev.flows.store.redis.RedisTaskStore;

import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.jdbc.EmbeddedDatabaseConnection;
import org.springframework.util.ClassUtils;

/**
 * Chooses, for {@code flows.store.guard.isolation=auto}, the thread a guarded store call
 * runs on. The caller's thread, with no hand-off, for the stores whose every wait gives
 * way to an interrupt: Redis through Lettuce (which waits for a reply on a future), the
 * memory store, and the JPA store on an in-memory embedded database such as
 * {@code jdbc:h2:mem:} (no socket, no file: its statements only compute, or wait for a
 * row lock or a pooled connection, both of which an interrupt ends). The guard's threads
 * otherwise:
 * <ul>
 * <li>Redis through any other client, such as Jedis, which reads the reply from its
 * socket deaf to interrupts;</li>
 * <li>the JPA store on a network database, where a JDBC driver's socket read on a dead
 * network blocks, deaf to interrupts, until the operating system gives up; and on an
 * embedded database kept in files, where an interrupt closes the file channel under the
 * database;</li>
 * <li>a store of the application's, of which nothing is known.</li>
 * </ul>
 */
final class StoreGuardIsolation {

	private static final String REDIS_STORE = "dev.flows.store.redis.RedisTaskStore";

	private static final String MEMORY_STORE = "dev.flows.store.memory.InMemoryTaskStore";

	private static final String JPA_STORE = "dev.flows.store.jpa.JpaTaskStore";

	private static final String LETTUCE = "org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory";

	// A JPA store on an EntityManagerFactory of the application's own needs no Spring
	// Boot JDBC module: without it, the database counts as unknown.
	private static final boolean BOOT_JDBC_PRESENT = ClassUtils.isPresent(
			"org.springframework.boot.jdbc.EmbeddedDatabaseConnection", StoreGuardIsolation.class.getClassLoader());

	private StoreGuardIsolation() {
	}

	/** The isolation for {@code store}. */
	static Isolation of(TaskStore store) {
		// By name: the Redis and JPA stores' classes need libraries that may be absent.
		Class<?> type = AopUtils.getTargetClass(store);
		if (is(type, MEMORY_STORE)) {
			return Isolation.CALLER_THREAD;
		}
		if (is(type, REDIS_STORE) && RedisStoreClient.isLettuce(store)) {
			return Isolation.CALLER_THREAD;
		}
		if (is(type, JPA_STORE) && BOOT_JDBC_PRESENT && InMemoryDatabase.is(JpaStoreDatabase.of(store))) {
			return Isolation.CALLER_THREAD;
		}
		return Isolation.GUARD_THREAD;
	}

	/** {@code store} itself or the target behind its proxies, if of {@code type}. */
	private static <T> T target(Object store, Class<T> type) {
		Object target = store;
		while (target != null && !type.isInstance(target)) {
			target = AopProxyUtils.getSingletonTarget(target);
		}
		return type.cast(target);
	}

	private static boolean is(Class<?> type, String name) {
		for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
			if (candidate.getName().equals(name)) {
				return true;
			}
		}
		return false;
	}

	/** Loaded only when the store is a Redis store, whose class is then present. */
	private static final class RedisStoreClient {

		static boolean isLettuce(TaskStore store) {
			RedisTaskStore redis = target(store, RedisTaskStore.class);
			return redis != null && is(AopUtils.getTargetClass(redis.connectionFactory()), LETTUCE);
		}

	}

	/** Loaded only when the store is a JPA store, whose class is then present. */
	private static final class JpaStoreDatabase {

		/**
		 * The {@code DataSource} of the JPA store behind {@code store} (the one its
		 * persistence unit was built on, not necessarily the application's only
		 * {@code DataSource} bean), or {@code null} behind a proxy of unknown target.
		 */
		static DataSource of(TaskStore store) {
			JpaTaskStore jpa = target(store, JpaTaskStore.class);
			return (jpa != null) ? jpa.dataSource() : null;
		}

	}

	/** Loaded only with Spring Boot's JDBC module on the classpath. */
	private static final class InMemoryDatabase {

		static boolean is(DataSource dataSource) {
			// Boot's own test, by the connection's URL: jdbc:h2:mem:, jdbc:hsqldb:mem:,
			// jdbc:derby:memory:
			return dataSource != null && EmbeddedDatabaseConnection.isEmbedded(dataSource);
		}

	}

}
