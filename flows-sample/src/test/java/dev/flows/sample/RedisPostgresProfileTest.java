package dev.flows.sample;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.flows.autoconfigure.FlowsEndpoint;
import dev.flows.store.TaskStore;
import dev.flows.store.TestServers;
import dev.flows.store.redis.RedisTaskStore;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documented {@code redis-postgres} profile (application-redis-postgres.yml) on a
 * real Redis and a real PostgreSQL: purchase tasks in Redis, the shop's tables in
 * PostgreSQL.
 */
@ActiveProfiles("redis-postgres")
class RedisPostgresProfileTest extends BrowserTestSupport {

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry properties) {
		properties.add("spring.datasource.url", TestServers::postgresJdbcUrl);
		properties.add("spring.datasource.username", () -> "postgres");
		properties.add("spring.datasource.password", () -> "");
		properties.add("spring.data.redis.url", TestServers::redisUrl);
		// The first store call opens the Redis connection; on a loaded test machine that
		// can take
		// longer than the store guard's default 2 s.
		properties.add("flows.store.guard.timeout", () -> "15s");
	}

	@Autowired
	TaskStore tasks;

	@Autowired
	DataSource dataSource;

	@Autowired
	FlowsEndpoint endpoint;

	@Test
	void aPurchaseKeepsItsTaskInRedisAndItsOrderInPostgres() throws SQLException {
		assertThat(this.tasks).isInstanceOf(RedisTaskStore.class);
		try (Connection connection = this.dataSource.getConnection()) {
			assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
		}

		this.shopper.signIn("demo@example.com", "password");
		this.shopper.open("/buy?item=" + product("Fountain pen").getId()).press("Continue");
		this.shopper.expectHeading("Pay with a saved method").press("Continue").expectHeading("Confirm and pay");
		String taskId = this.shopper.taskId();
		assertThat(this.tasks.find(taskId)).as("the task, in Redis").isPresent();
		assertThat(this.endpoint.flows().liveTasks().flows().get("purchase").steps().get("confirm"))
			.as("live at the last step, counted through the Redis index")
			.isPositive();
		this.shopper.press("Confirm and pay").expectHeading("Thank you for your order");

		assertThat(this.orders.findByTaskId(taskId)).hasValueSatisfying((order) -> {
			assertThat(order.getProduct().getName()).isEqualTo("Fountain pen");
			assertThat(order.getAccount().getEmail()).isEqualTo("demo@example.com");
		});
	}

}
