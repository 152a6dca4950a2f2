package dev.flows.autoconfigure;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.flows.definition.FlowBuilder;
import dev.flows.definition.FlowDefinition;
import dev.flows.definition.OnGet;
import dev.flows.definition.Outcome;
import dev.flows.engine.FlowEngine;
import dev.flows.engine.Task;
import dev.flows.store.TestServers;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code flows} endpoint lists the live tasks of each flow at each step, on every
 * store: memory, JPA on H2 and on a real PostgreSQL, and a real Redis.
 */
class FlowsEndpointLiveTasksTests {

	private static final String SCHEMA = "flows_endpoint_test";

	private static final String KEY_PREFIX = "flows-endpoint-test:" + UUID.randomUUID() + ":";

	@BeforeAll
	static void createSchema() throws SQLException {
		try (Connection connection = DriverManager.getConnection(TestServers.postgresJdbcUrl(), "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute("drop schema if exists " + SCHEMA + " cascade");
			statement.execute("create schema " + SCHEMA);
		}
	}

	@AfterAll
	static void removeRedisKeys() {
		URI url = URI.create(TestServers.redisUrl());
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(url.getHost(), url.getPort()));
		factory.afterPropertiesSet();
		factory.start();
		try {
			StringRedisTemplate redis = new StringRedisTemplate(factory);
			Set<String> keys = redis.keys(KEY_PREFIX + "*");
			if (!keys.isEmpty()) {
				redis.delete(keys);
			}
		}
		finally {
			factory.destroy();
		}
	}

	static Stream<Arguments> stores() {
		ApplicationContextRunner base = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(FlowsStoreAutoConfiguration.class, FlowsAutoConfiguration.class,
					FlowsCleanupAutoConfiguration.class))
			.withUserConfiguration(CountedFlow.class)
			.withPropertyValues("management.endpoints.web.exposure.include=flows", "flows.cleanup.enabled=false");
		ApplicationContextRunner jpa = base
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class))
			.withPropertyValues("flows.store.type=jpa");
		String url = TestServers.postgresJdbcUrl();
		return Stream.of(Arguments.of("memory", base.withPropertyValues("flows.store.type=memory")),
				Arguments.of("h2", jpa),
				Arguments.of("postgresql",
						jpa.withPropertyValues(
								"spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema="
										+ SCHEMA,
								"spring.datasource.username=postgres", "flows.jpa.initialize-schema=always")),
				Arguments.of("redis", base.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
					.withPropertyValues("flows.store.type=redis", "spring.data.redis.url=" + TestServers.redisUrl(),
							"flows.redis.key-prefix=" + KEY_PREFIX)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("stores")
	void liveTasksAreListedPerFlowAndStep(String name, ApplicationContextRunner runner) {
		runner.run((context) -> {
			FlowEngine engine = context.getBean(FlowEngine.class);
			FlowDefinition flow = engine.registry().byId("counted").orElseThrow();
			walk(engine, flow, 0);
			walk(engine, flow, 1);
			walk(engine, flow, 1);
			walk(engine, flow, 2);
			walk(engine, flow, 3);
			Task cancelled = walk(engine, flow, 1);
			engine.cancel(engine.load(cancelled.id()), null);

			FlowsEndpoint.LiveTasksReport live = context.getBean(FlowsEndpoint.class).flows().liveTasks();

			assertThat(live.available()).isTrue();
			assertThat(live.unavailableReason()).isNull();
			assertThat(live.total()).isEqualTo(4);
			assertThat(live.flows()).containsOnlyKeys("counted");
			assertThat(live.flows().get("counted").total()).isEqualTo(4);
			assertThat(live.flows().get("counted").steps()).isEqualTo(Map.of("pick", 1L, "address", 2L, "confirm", 1L));
		});
	}

	/** A task stored after completing {@code steps} steps (3: the flow completed). */
	private static Task walk(FlowEngine engine, FlowDefinition flow, int steps) {
		Task task = engine.newTask(flow, "user", null);
		for (int i = 0; i < steps; i++) {
			engine.apply(task, task.position(), Outcome.complete(), null);
		}
		engine.save(task);
		return task;
	}

	@Configuration(proxyBeanMethods = false)
	static class CountedFlow {

		@Bean
		FlowDefinition countedFlow() {
			return FlowBuilder.flow("counted", "/counted")
				.onComplete("redirect:/done")
				.action(Pick.class)
				.action(Address.class)
				.action(Confirm.class)
				.build();
		}

	}

	static class Pick {

		@OnGet
		String show() {
			return "pick";
		}

	}

	static class Address {

		@OnGet
		String show() {
			return "address";
		}

	}

	static class Confirm {

		@OnGet
		String show() {
			return "confirm";
		}

	}

}
