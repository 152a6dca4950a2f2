package dev.flows.sample;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeAll;

import dev.flows.store.TestServers;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The shop's live purchases per step on the JPA task store on a real PostgreSQL, which
 * holds the shop's tables too, in a database of this test's own (in a schema of its own,
 * Hibernate's schema update would take another test's sequences in the public schema for
 * the shop's).
 */
class PostgresLiveTasksEndpointTest extends LiveTasksEndpointTestSupport {

	private static final String DATABASE = "flows_sample_live_tasks";

	@BeforeAll
	static void emptyDatabase() throws SQLException {
		try (Connection connection = DriverManager.getConnection(TestServers.postgresJdbcUrl(), "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + DATABASE + " with (force)");
			statement.execute("create database " + DATABASE);
		}
	}

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry properties) {
		properties.add("spring.datasource.url",
				() -> TestServers.postgresJdbcUrl().replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + DATABASE));
		properties.add("spring.datasource.username", () -> "postgres");
		properties.add("spring.datasource.password", () -> "");
		// The shop's tables, as the redis-postgres profile creates them; the task table
		// from Flows' own script.
		properties.add("spring.jpa.hibernate.ddl-auto", () -> "update");
		properties.add("flows.jpa.initialize-schema", () -> "always");
		properties.add("flows.store.type", () -> "jpa");
		// A store call waits for the guard's threads; on a loaded test machine that can
		// take longer than the default 2 s.
		properties.add("flows.store.guard.timeout", () -> "15s");
	}

	@Override
	String expectedStore() {
		return "jpa on PostgreSQL";
	}

}
