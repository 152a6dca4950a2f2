package dev.flows.autoconfigure;

import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.flows.store.TaskStore;
import dev.flows.store.guard.TaskStoreGuard.Isolation;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.boot.jdbc.EmbeddedDatabaseConnection;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.util.ClassUtils;

/**
 * Chooses, for {@code flows.store.guard.isolation=auto}, the thread a guarded store call
 * runs on. The caller's thread, with no hand-off, where nothing the store's client waits
 * for ignores an interrupt: Redis (Lettuce waits for a reply on a future), the memory
 * store, and the JPA store on an in-memory database (no network to hang on). The guard's
 * threads otherwise: the JPA store on a network database, where a JDBC driver's socket
 * read on a dead network blocks, deaf to interrupts, until the operating system gives up,
 * and a store of the application's, of which nothing is known.
 */
final class StoreGuardIsolation {

	private static final String JPA_STORE = "dev.flows.store.jpa.JpaTaskStore";

	private static final String REDIS_STORE = "dev.flows.store.redis.RedisTaskStore";

	private static final String MEMORY_STORE = "dev.flows.store.memory.InMemoryTaskStore";

	private static final boolean BOOT_JDBC_PRESENT = ClassUtils.isPresent(
			"org.springframework.boot.jdbc.EmbeddedDatabaseConnection", StoreGuardIsolation.class.getClassLoader());

	private StoreGuardIsolation() {
	}

	/**
	 * The isolation for {@code store}; {@code dataSource} gives the JPA store's
	 * {@code DataSource}, or null.
	 */
	static Isolation of(TaskStore store, Supplier<DataSource> dataSource) {
		// By name: the JPA and Redis stores' classes need libraries that may be absent.
		Class<?> type = AopUtils.getTargetClass(store);
		if (is(type, REDIS_STORE) || is(type, MEMORY_STORE)) {
			return Isolation.CALLER_THREAD;
		}
		if (is(type, JPA_STORE) && isInMemory(dataSource.get())) {
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

	/**
	 * Whether {@code dataSource} is an in-memory database, judged by its URL and without
	 * a connection: at startup a network database may be unreachable, and asking it would
	 * wait for the pool's connection timeout. Unknown means no.
	 */
	static boolean isInMemory(DataSource dataSource) {
		if (dataSource == null || !BOOT_JDBC_PRESENT) {
			return false;
		}
		if (dataSource instanceof EmbeddedDatabase) {
			// Spring's EmbeddedDatabaseBuilder, which Spring Boot uses for an embedded
			// database without a URL: always in memory.
			return true;
		}
		String url = url(dataSource);
		return url != null
				&& EmbeddedDatabaseConnection.isEmbedded(DatabaseDriver.fromJdbcUrl(url).getDriverClassName(), url);
	}

	private static String url(DataSource dataSource) {
		BeanWrapper properties = PropertyAccessorFactory.forBeanPropertyAccess(dataSource);
		// HikariCP's jdbcUrl; url for Spring's DriverManagerDataSource and
		// SimpleDriverDataSource, Tomcat's and DBCP2's pools.
		for (String property : new String[] { "jdbcUrl", "url" }) {
			if (properties.isReadableProperty(property)
					&& properties.getPropertyValue(property) instanceof String url) {
				return url;
			}
		}
		return null;
	}

}
