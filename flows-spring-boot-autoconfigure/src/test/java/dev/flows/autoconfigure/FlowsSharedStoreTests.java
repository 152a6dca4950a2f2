package dev.flows.autoconfigure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import dev.flows.definition.FlowBuilder;
import dev.flows.definition.FlowDefinition;
import dev.flows.definition.OnGet;
import dev.flows.definition.Outcome;
import dev.flows.definition.Position;
import dev.flows.engine.FlowEngine;
import dev.flows.engine.Task;
import dev.flows.store.StaleTaskException;
import dev.flows.store.TaskStore;
import dev.flows.store.TestServers;
import dev.flows.store.jpa.JpaTaskStore;
import dev.flows.store.redis.RedisTaskStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Two application instances sharing one real PostgreSQL, or one real Redis: a task
 * started on one continues and completes on the other, and a saved task survives a
 * restart. Engine-level: the web layer's binders are tested elsewhere.
 */
class FlowsSharedStoreTests {

	private static final String SCHEMA = "flows_shared_test";

	private static final String KEY_PREFIX = "flows-shared-test:" + UUID.randomUUID() + ":";

	@BeforeAll
	static void createSchema() throws SQLException {
		try (Connection connection = DriverManager.getConnection(TestServers.postgresJdbcUrl(), "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute("drop schema if exists " + SCHEMA + " cascade");
			statement.execute("create schema " + SCHEMA);
		}
	}

	static Stream<Arguments> sharedStores() {
		ApplicationContextRunner base = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(FlowsStoreAutoConfiguration.class, FlowsAutoConfiguration.class))
			.withUserConfiguration(SharedFlow.class);
		String url = TestServers.postgresJdbcUrl();
		ApplicationContextRunner postgres = base
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class))
			.withPropertyValues("flows.store.type=jpa",
					"spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA,
					"spring.datasource.username=postgres", "flows.jpa.initialize-schema=always",
					"spring.jpa.hibernate.ddl-auto=validate");
		ApplicationContextRunner redis = base.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("flows.store.type=redis", "spring.data.redis.url=" + TestServers.redisUrl(),
					"flows.redis.key-prefix=" + KEY_PREFIX);
		return Stream.of(Arguments.of("postgresql", postgres, JpaTaskStore.class),
				Arguments.of("redis", redis, RedisTaskStore.class));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("sharedStores")
	void aTaskStartedOnOneInstanceContinuesAndCompletesOnTheOther(String name, ApplicationContextRunner runner,
			Class<? extends TaskStore> storeType) {
		runner.run((first) -> runner.run((second) -> {
			assertThat(first.getBean(TaskStore.class)).isInstanceOf(storeType);
			FlowEngine one = first.getBean(FlowEngine.class);
			FlowEngine two = second.getBean(FlowEngine.class);
			assertThat(one).isNotSameAs(two);
			FlowDefinition flow = one.registry().byId("shared").orElseThrow();

			Task started = one.newTask(flow, "user-1", null);
			started.state().put("item", new Item("book", 2, List.of("gift wrap")));
			one.apply(started, started.position(), Outcome.complete(), null);
			one.save(started);

			Task onTwo = two.load(started.id());
			assertThat(onTwo.position()).isEqualTo(Position.parse("address"));
			assertThat(onTwo.state().get("item", Item.class)).isEqualTo(new Item("book", 2, List.of("gift wrap")));
			assertThat(onTwo.binding()).isEqualTo("user-1");
			onTwo.state().put("address", "Main Street 1");
			two.apply(onTwo, onTwo.position(), Outcome.complete(), null);
			two.save(onTwo);

			assertThatExceptionOfType(StaleTaskException.class).as("the first instance's copy is stale")
				.isThrownBy(() -> one.save(started));

			Task backOnOne = one.load(started.id());
			assertThat(backOnOne.position()).isEqualTo(Position.parse("confirm"));
			assertThat(backOnOne.state().get("address", String.class)).isEqualTo("Main Street 1");
			one.apply(backOnOne, backOnOne.position(), Outcome.complete(), null);
			one.save(backOnOne);

			Task done = two.load(started.id());
			assertThat(done.isCompleted()).isTrue();
			assertThat(done.version()).isEqualTo(2);
			assertThat(done.history()).containsExactly(Position.parse("pick"), Position.parse("address"));
		}));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("sharedStores")
	void aSavedTaskSurvivesARestart(String name, ApplicationContextRunner runner,
			Class<? extends TaskStore> storeType) {
		String[] id = new String[1];
		runner.run((before) -> {
			FlowEngine engine = before.getBean(FlowEngine.class);
			Task task = engine.newTask(engine.registry().byId("shared").orElseThrow(), "user-2", null);
			task.state().put("item", new Item("pen", 1, List.of()));
			engine.apply(task, task.position(), Outcome.complete(), null);
			engine.save(task);
			id[0] = task.id();
		});
		runner.run((after) -> {
			Task task = after.getBean(FlowEngine.class).load(id[0]);
			assertThat(task.position()).isEqualTo(Position.parse("address"));
			assertThat(task.history()).containsExactly(Position.parse("pick"));
			assertThat(task.state().get("item", Item.class)).isEqualTo(new Item("pen", 1, List.of()));
			assertThat(task.version()).isZero();
			assertThat(task.binding()).isEqualTo("user-2");
		});
	}

	public record Item(String name, int quantity, List<String> options) {
	}

	@Configuration(proxyBeanMethods = false)
	static class SharedFlow {

		@Bean
		FlowDefinition sharedFlow() {
			return FlowBuilder.flow("shared", "/shared")
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
