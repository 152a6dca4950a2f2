package dev.flows.autoconfigure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import dev.flows.autoconfigure.userapp.Customer;
import dev.flows.autoconfigure.userapp.CustomerRepository;
import dev.flows.autoconfigure.userapp.UserApplication;
import dev.flows.autoconfigure.userapp.UserApplicationWithEntityScan;
import dev.flows.engine.TaskIds;
import dev.flows.store.ClaimResult;
import dev.flows.store.TaskRecord;
import dev.flows.store.TaskStore;
import dev.flows.store.jpa.JpaTaskStore;
import dev.flows.store.memory.InMemoryTaskStore;
import dev.flows.store.redis.RedisTaskStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.jpa.autoconfigure.EntityManagerFactoryBuilderCustomizer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class FlowsStoreAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FlowsStoreAutoConfiguration.class));

	/**
	 * H2 (embedded, a fresh database per context), Hibernate and Spring Data JPA, as an
	 * application has them.
	 */
	private final ApplicationContextRunner jpaRunner = this.runner
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
				TransactionAutoConfiguration.class));

	/** Redis configured, never connected to: choosing a store opens no connection. */
	private final ApplicationContextRunner redisRunner = this.runner
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class));

	private final ApplicationContextRunner jpaAndRedisRunner = this.jpaRunner
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class));

	// --- selection
	// ------------------------------------------------------------------------------

	@Test
	void autoWithoutJpaOrRedisIsMemory() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(TaskStore.class)
			.getBean(TaskStore.class)
			.isInstanceOf(InMemoryTaskStore.class));
	}

	@Test
	void autoPrefersJpaOverRedis() {
		this.jpaAndRedisRunner.run((context) -> assertThat(context).hasSingleBean(TaskStore.class)
			.getBean(TaskStore.class)
			.isInstanceOf(JpaTaskStore.class));
	}

	@Test
	void autoPrefersRedisOverMemory() {
		this.redisRunner.withPropertyValues("flows.redis.key-prefix=shop:task:").run((context) -> {
			assertThat(context).hasSingleBean(TaskStore.class);
			assertThat(context.getBean(TaskStore.class)).isInstanceOf(RedisTaskStore.class);
			assertThat(context.getBean(RedisTaskStore.class).key("abc")).isEqualTo("shop:task:abc");
		});
	}

	@Test
	void autoIsTheDefault() {
		this.jpaAndRedisRunner.withPropertyValues("flows.store.type=auto")
			.run((context) -> assertThat(context).getBean(TaskStore.class).isInstanceOf(JpaTaskStore.class));
	}

	@Test
	void memoryIsUsedWhenChosenEvenWithJpaAndRedisPresent() {
		this.jpaAndRedisRunner.withPropertyValues("flows.store.type=memory").run((context) -> {
			assertThat(context).hasSingleBean(TaskStore.class);
			assertThat(context.getBean(TaskStore.class)).isInstanceOf(InMemoryTaskStore.class);
			assertThat(context).doesNotHaveBean(DataSourceScriptDatabaseInitializer.class);
		});
	}

	@Test
	void redisIsUsedWhenChosenEvenWithJpaPresent() {
		this.jpaAndRedisRunner.withPropertyValues("flows.store.type=redis")
			.run((context) -> assertThat(context).hasSingleBean(TaskStore.class)
				.getBean(TaskStore.class)
				.isInstanceOf(RedisTaskStore.class));
	}

	@Test
	void jpaIsUsedWhenChosen() {
		this.jpaAndRedisRunner.withPropertyValues("flows.store.type=JPA")
			.run((context) -> assertThat(context).hasSingleBean(TaskStore.class)
				.getBean(TaskStore.class)
				.isInstanceOf(JpaTaskStore.class));
	}

	@Test
	void jpaChosenWithoutAnEntityManagerFactoryFailsWithTheFix() {
		this.redisRunner.withPropertyValues("flows.store.type=jpa")
			.run((context) -> assertThat(FlowsFailureAnalyzerTests.analyze(context))
				.satisfies((analysis) -> assertThat(analysis.getDescription())
					.contains("flows.store.type=jpa, but the application has no single EntityManagerFactory"))
				.satisfies((analysis) -> assertThat(analysis.getAction()).contains("spring-boot-starter-data-jpa")));
	}

	@Test
	void jpaChosenWithoutSpringDataJpaFailsWithTheFix() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.data.jpa"))
			.withPropertyValues("flows.store.type=jpa")
			.run((context) -> assertThat(FlowsFailureAnalyzerTests.analyze(context).getAction())
				.contains("Add spring-boot-starter-data-jpa"));
	}

	@Test
	void redisChosenWithoutSpringDataRedisFailsWithTheFix() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.data.redis"))
			.withPropertyValues("flows.store.type=redis")
			.run((context) -> assertThat(FlowsFailureAnalyzerTests.analyze(context).getAction())
				.contains("Add spring-boot-starter-data-redis"));
	}

	@Test
	void withoutJpaAndRedisClassesAutoIsStillMemory() {
		this.runner
			.withClassLoader(new FilteredClassLoader("org.springframework.data.jpa", "org.springframework.data.redis",
					"jakarta.persistence"))
			.run((context) -> assertThat(context).getBean(TaskStore.class).isInstanceOf(InMemoryTaskStore.class));
	}

	// --- memory
	// --------------------------------------------------------------------------------

	@Test
	void theMemoryStoreHoldsAtMostMaxTasks() {
		this.runner.withPropertyValues("flows.store.memory.max-tasks=3").run((context) -> {
			InMemoryTaskStore store = context.getBean(InMemoryTaskStore.class);
			Instant now = Instant.parse("2030-01-01T10:00:00Z");
			List<TaskRecord> tasks = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				tasks.add(new TaskRecord(TaskIds.newId(), "f", "step", null, null, null, null, "ACTIVE", 0, now, now,
						now.plusSeconds(60 + i)));
				store.insert(tasks.get(i));
			}
			assertThat(store.size()).isEqualTo(3);
			assertThat(store.find(tasks.get(0).id())).as("the nearest expiry made room").isEmpty();
		});
	}

	@Test
	void theMemoryStoresDefaultMaximumIsTheStoresOwn() {
		assertThat(new FlowsProperties().getStore().getMemory().getMaxTasks())
			.isEqualTo(InMemoryTaskStore.DEFAULT_MAX_TASKS);
	}

	@Test
	void aMaxTasksBelowOneFailsTheStartWithThePropertyAndTheFix() {
		this.runner.withPropertyValues("flows.store.memory.max-tasks=0").run((context) -> {
			FailureAnalysis analysis = FlowsFailureAnalyzerTests.analyze(context);
			assertThat(analysis.getDescription())
				.startsWith("Invalid value '0' for configuration property 'flows.store.memory.max-tasks'");
			assertThat(analysis.getAction()).contains("Set flows.store.memory.max-tasks to 1 or more");
		});
	}

	@Test
	void taskStoreBacksOff() {
		this.jpaAndRedisRunner.withUserConfiguration(UserStoreConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(TaskStore.class);
			assertThat(context.getBean(TaskStore.class)).isSameAs(context.getBean("myStore"));
			assertThat(context).doesNotHaveBean(DataSourceScriptDatabaseInitializer.class)
				.doesNotHaveBean(EntityManagerFactoryBuilderCustomizer.class);
		});
	}

	@Test
	void theStoreInUseIsLoggedOnce(CapturedOutput output) {
		this.jpaAndRedisRunner.run((context) -> assertThat(context).hasSingleBean(TaskStore.class));
		assertThat(output.getOut().split("Flows keeps tasks", -1)).hasSize(2);
		assertThat(output).contains("Flows keeps tasks in the database, table flows_task");
	}

	// --- JPA: entity and schema
	// -----------------------------------------------------------------

	@Test
	void schemaIsCreatedOnAnEmbeddedDatabaseBeforeHibernateValidatesIt() {
		this.jpaRunner.withPropertyValues("spring.jpa.hibernate.ddl-auto=validate").run((context) -> {
			assertThat(context).hasNotFailed();
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			assertThat(jdbc.queryForObject("select count(*) from flows_task", Integer.class)).isZero();
			assertThat(jdbc.queryForList(
					"select index_name from information_schema.indexes where table_name = 'FLOWS_TASK'", String.class))
				.contains("FLOWS_TASK_EXPIRES_AT");
			roundTrip(context.getBean(TaskStore.class));
		});
	}

	@Test
	void schemaIsNotCreatedWhenInitializationIsNever() {
		this.jpaRunner.withPropertyValues("flows.jpa.initialize-schema=never", "spring.jpa.hibernate.ddl-auto=none")
			.run((context) -> {
				JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
				assertThat(jdbc.queryForObject(
						"select count(*) from information_schema.tables where table_name = 'FLOWS_TASK'",
						Integer.class))
					.isZero();
			});
	}

	@Test
	void hibernateCreateDropOnAnEmbeddedDatabaseAlsoWorks() {
		this.jpaRunner.withPropertyValues("spring.jpa.hibernate.ddl-auto=create-drop")
			.run((context) -> roundTrip(context.getBean(TaskStore.class)));
	}

	@Test
	void anApplicationEntityAndRepositoryWorkNextToTheTaskEntity() {
		this.jpaRunner.withUserConfiguration(UserApplication.class)
			.withConfiguration(AutoConfigurations.of(DataJpaRepositoriesAutoConfiguration.class))
			.withPropertyValues("spring.jpa.hibernate.ddl-auto=update")
			.run((context) -> {
				assertThat(context).hasSingleBean(CustomerRepository.class).hasSingleBean(JpaTaskStore.class);
				CustomerRepository customers = context.getBean(CustomerRepository.class);
				customers.save(new Customer(1L, "Ada"));
				assertThat(customers.findById(1L)).map(Customer::getName).contains("Ada");
				roundTrip(context.getBean(TaskStore.class));
			});
	}

	@Test
	void anApplicationEntityScanDoesNotLoseTheTaskEntity() {
		this.jpaRunner.withUserConfiguration(UserApplicationWithEntityScan.class)
			.withConfiguration(AutoConfigurations.of(DataJpaRepositoriesAutoConfiguration.class))
			.withPropertyValues("spring.jpa.hibernate.ddl-auto=update")
			.run((context) -> {
				context.getBean(CustomerRepository.class).save(new Customer(2L, "Grace"));
				assertThat(context.getBean(CustomerRepository.class).count()).isOne();
				roundTrip(context.getBean(TaskStore.class));
			});
	}

	private static void roundTrip(TaskStore store) {
		Instant now = Instant.parse("2030-01-01T10:00:00Z");
		TaskRecord record = new TaskRecord(TaskIds.newId(), "f", "step", null, "{\"a\":1}", null, "b", "ACTIVE", 0, now,
				now, now.plusSeconds(60));
		store.insert(record);
		assertThat(store.find(record.id())).isEqualTo(Optional.of(record));
		store.update(record.withVersion(1), 0);
		assertThat(store.find(record.id()).orElseThrow().version()).isOne();
		// the claim columns exist however the table was made (shipped DDL,
		// ddl-auto=create or update)
		assertThat(store.claim(record.id(), 1, "mine", now, now.plusSeconds(30)))
			.isEqualTo(ClaimResult.claimed(record.withVersion(1)));
		assertThat(store.claim(record.id(), 1, "theirs", now, now.plusSeconds(30)).status())
			.isEqualTo(ClaimResult.Status.BUSY);
		store.release(record.id(), "mine");
		assertThat(store.claim(record.id(), 1, "theirs", now, now.plusSeconds(30)).status())
			.isEqualTo(ClaimResult.Status.CLAIMED);
	}

	@Configuration(proxyBeanMethods = false)
	static class UserStoreConfiguration {

		@Bean
		TaskStore myStore() {
			return new InMemoryTaskStore();
		}

	}

}
