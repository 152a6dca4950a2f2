package dev.flows.autoconfigure;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.h2.Driver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.flows.engine.FlowEngine;
import dev.flows.engine.TaskIds;
import dev.flows.engine.TaskNotFoundException;
import dev.flows.store.TaskRecord;
import dev.flows.store.TaskStore;
import dev.flows.store.TestServers;
import dev.flows.store.guard.TaskStoreGuard;
import dev.flows.store.guard.TaskStoreGuard.Isolation;
import dev.flows.store.jpa.JpaTaskStore;
import dev.flows.store.redis.RedisTaskStore;
import dev.flows.store.memory.InMemoryTaskStore;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class FlowsStoreGuardAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FlowsStoreAutoConfiguration.class,
				FlowsStoreGuardAutoConfiguration.class, FlowsAutoConfiguration.class))
		.withPropertyValues("flows.store.type=memory");

	@Test
	void theEngineCallsTheAutoConfiguredStoreThroughTheGuard() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(TaskStoreGuard.class).hasSingleBean(TaskStore.class);
			assertThat(context.getBean(TaskStore.class)).as("the store bean itself is left as it is")
				.isInstanceOf(InMemoryTaskStore.class);
			CircuitBreaker breaker = context.getBean(TaskStoreGuard.class).circuitBreaker().orElseThrow();
			loadUnknownTask(context);
			assertThat(breaker.getMetrics().getNumberOfSuccessfulCalls()).isOne();
		});
	}

	@Test
	void anApplicationsOwnStoreIsGuardedTooOnTheGuardsThreads() {
		this.runner.withUserConfiguration(RecordingStoreConfiguration.class).run((context) -> {
			loadUnknownTask(context);
			Thread ranOn = context.getBean(RecordingStore.class).lastCaller.get();
			assertThat(ranOn).isNotSameAs(Thread.currentThread());
			assertThat(ranOn.getName()).startsWith("flows-store-");
		});
	}

	@Test
	void insideAnApplicationsTransactionTheJpaStoreJoinsIt() {
		this.runner
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class))
			.withPropertyValues("flows.store.type=jpa")
			.run((context) -> {
				TaskStore guarded = context.getBean(TaskStoreGuard.class).guard(context.getBean(TaskStore.class));
				TransactionTemplate transaction = new TransactionTemplate(
						context.getBean(PlatformTransactionManager.class));
				// The table keeps microseconds.
				Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
				TaskRecord record = new TaskRecord(TaskIds.newId(), "f", "step", null, "{}", null, "b", "ACTIVE", 0,
						now, now, now.plusSeconds(60));
				transaction.executeWithoutResult((status) -> {
					guarded.insert(record);
					assertThat(guarded.find(record.id())).contains(record);
					status.setRollbackOnly();
				});
				assertThat(guarded.find(record.id())).as("rolled back with the application's transaction").isEmpty();
			});
	}

	@Test
	void defaults() {
		this.runner.run((context) -> {
			TaskStoreGuard guard = context.getBean(TaskStoreGuard.class);
			assertThat(guard.timeout()).isEqualTo(Duration.ofSeconds(2));
			assertThat(guard.maxConcurrentCalls()).isEqualTo(200);
			CircuitBreakerConfig config = guard.circuitBreaker().orElseThrow().getCircuitBreakerConfig();
			assertThat(config.getFailureRateThreshold()).isEqualTo(50);
			assertThat(config.getSlidingWindowSize()).isEqualTo(20);
			assertThat(config.getMinimumNumberOfCalls()).isEqualTo(5);
			assertThat(config.getWaitIntervalFunctionInOpenState().apply(1)).isEqualTo(5000);
			assertThat(config.getPermittedNumberOfCallsInHalfOpenState()).isEqualTo(3);
		});
	}

	@Test
	void propertiesConfigureTheGuard() {
		this.runner
			.withPropertyValues("flows.store.guard.timeout=750ms", "flows.store.guard.max-concurrent-calls=4",
					"flows.store.guard.circuit-breaker.failure-rate-threshold=80",
					"flows.store.guard.circuit-breaker.sliding-window-size=50",
					"flows.store.guard.circuit-breaker.minimum-number-of-calls=10",
					"flows.store.guard.circuit-breaker.wait-duration-in-open-state=30s",
					"flows.store.guard.circuit-breaker.permitted-number-of-calls-in-half-open-state=1")
			.run((context) -> {
				TaskStoreGuard guard = context.getBean(TaskStoreGuard.class);
				assertThat(guard.timeout()).isEqualTo(Duration.ofMillis(750));
				assertThat(guard.maxConcurrentCalls()).isEqualTo(4);
				CircuitBreakerConfig config = guard.circuitBreaker().orElseThrow().getCircuitBreakerConfig();
				assertThat(config.getFailureRateThreshold()).isEqualTo(80);
				assertThat(config.getSlidingWindowSize()).isEqualTo(50);
				assertThat(config.getMinimumNumberOfCalls()).isEqualTo(10);
				assertThat(config.getWaitIntervalFunctionInOpenState().apply(1)).isEqualTo(30_000);
				assertThat(config.getPermittedNumberOfCallsInHalfOpenState()).isEqualTo(1);
			});
	}

	@Test
	void theCircuitBreakerCanBeSwitchedOff() {
		this.runner.withPropertyValues("flows.store.guard.circuit-breaker.enabled=false")
			.run((context) -> assertThat(context.getBean(TaskStoreGuard.class).circuitBreaker()).isEmpty());
	}

	@Test
	void theGuardCanBeSwitchedOff() {
		this.runner.withUserConfiguration(RecordingStoreConfiguration.class)
			.withPropertyValues("flows.store.guard.enabled=false")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(TaskStoreGuard.class);
				loadUnknownTask(context);
				assertThat(context.getBean(RecordingStore.class).lastCaller.get()).isSameAs(Thread.currentThread());
			});
	}

	@Test
	void withoutResilience4jThereIsNoGuardAndTheEngineCallsTheStoreItself() {
		this.runner.withUserConfiguration(RecordingStoreConfiguration.class)
			.withClassLoader(new FilteredClassLoader("io.github.resilience4j"))
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(TaskStoreGuard.class);
				loadUnknownTask(context);
				assertThat(context.getBean(RecordingStore.class).lastCaller.get()).isSameAs(Thread.currentThread());
			});
	}

	@Test
	void taskStoreGuardBacksOff() {
		this.runner.withUserConfiguration(UserGuardConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(TaskStoreGuard.class);
			TaskStoreGuard guard = context.getBean(TaskStoreGuard.class);
			assertThat(guard).isSameAs(context.getBean("myGuard"));
			loadUnknownTask(context);
			assertThat(guard.circuitBreaker()).isEmpty();
			assertThat(guard.timeout()).isEqualTo(Duration.ofSeconds(9));
		});
	}

	// --- isolation
	// -------------------------------------------------------------------------------

	@Test
	void theMemoryStoreIsCalledOnTheCallersThread() {
		this.runner.run((context) -> {
			assertThat(context.getBean(TaskStoreGuard.class).isolation()).isEqualTo(Isolation.CALLER_THREAD);
		});
	}

	@Test
	void theRedisStoreIsCalledOnTheCallersThread() {
		this.runner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("flows.store.type=redis", "spring.data.redis.url=" + TestServers.redisUrl(),
					FIRST_CONNECTION_TIMEOUT)
			.run((context) -> {
				assertThat(context.getBean(TaskStore.class)).isInstanceOf(RedisTaskStore.class);
				assertThat(context.getBean(TaskStoreGuard.class).isolation()).isEqualTo(Isolation.CALLER_THREAD);
				loadUnknownTask(context);
			});
	}

	@Test
	void theRedisStoreThroughJedisIsCalledOnTheGuardsThreads() {
		URI redis = URI.create(TestServers.redisUrl());
		this.runner.withPropertyValues("flows.store.type=redis", FIRST_CONNECTION_TIMEOUT)
			.withBean(JedisConnectionFactory.class,
					() -> new JedisConnectionFactory(
							new RedisStandaloneConfiguration(redis.getHost(), redis.getPort())))
			.run((context) -> {
				assertThat(context.getBean(TaskStore.class)).isInstanceOf(RedisTaskStore.class);
				assertThat(context.getBean(TaskStoreGuard.class).isolation()).isEqualTo(Isolation.GUARD_THREAD);
				loadUnknownTask(context);
			});
	}

	@Test
	void theJpaStoreOnAnInMemoryDatabaseIsCalledOnTheCallersThread() {
		this.runner
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class))
			.withPropertyValues("flows.store.type=jpa")
			.run((context) -> {
				assertThat(context.getBean(TaskStore.class)).isInstanceOf(JpaTaskStore.class);
				assertThat(context.getBean(TaskStoreGuard.class).isolation()).isEqualTo(Isolation.CALLER_THREAD);
				loadUnknownTask(context);
			});
	}

	@Test
	void theJpaStoreOnAnEmbeddedDatabaseInFilesIsCalledOnTheGuardsThreads(@TempDir Path directory) {
		this.runner
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class))
			.withPropertyValues("flows.store.type=jpa",
					"spring.datasource.url=jdbc:h2:file:" + directory.resolve("tasks").toAbsolutePath(),
					"flows.jpa.initialize-schema=always")
			.run((context) -> {
				assertThat(context.getBean(TaskStore.class)).isInstanceOf(JpaTaskStore.class);
				assertThat(context.getBean(TaskStoreGuard.class).isolation()).isEqualTo(Isolation.GUARD_THREAD);
				loadUnknownTask(context);
			});
	}

	@Test
	void theJpaStoreIsJudgedByItsOwnDatabaseNotByTheApplicationsOnlyDataSourceBean(@TempDir Path directory) {
		this.runner.withPropertyValues("flows.store.type=jpa")
			.withBean("inMemory", DataSource.class,
					() -> new SimpleDriverDataSource(new Driver(), "jdbc:h2:mem:unused;DB_CLOSE_DELAY=-1"))
			.withBean(LocalContainerEntityManagerFactoryBean.class,
					() -> entityManagerFactoryOn(
							new SimpleDriverDataSource(new Driver(), "jdbc:h2:file:" + directory.resolve("tasks"))))
			.withBean(JpaTransactionManager.class)
			.run((context) -> {
				assertThat(context.getBean(TaskStore.class)).isInstanceOf(JpaTaskStore.class);
				assertThat(context.getBean(TaskStoreGuard.class).isolation()).isEqualTo(Isolation.GUARD_THREAD);
				loadUnknownTask(context);
			});
	}

	/**
	 * An EntityManagerFactory an application builds itself, on a {@code DataSource} that
	 * is no bean.
	 */
	private static LocalContainerEntityManagerFactoryBean entityManagerFactoryOn(DataSource dataSource) {
		LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
		factory.setDataSource(dataSource);
		factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
		factory.setPackagesToScan(JpaTaskStore.ENTITY_PACKAGE);
		factory.setJpaPropertyMap(Map.of("hibernate.hbm2ddl.auto", "create"));
		return factory;
	}

	@Test
	void theJpaStoreOnPostgresqlIsCalledOnTheGuardsThreads() {
		postgres().run((context) -> {
			assertThat(context.getBean(TaskStore.class)).isInstanceOf(JpaTaskStore.class);
			assertThat(context.getBean(TaskStoreGuard.class).isolation()).isEqualTo(Isolation.GUARD_THREAD);
			loadUnknownTask(context);
		});
	}

	@Test
	void thePropertyChoosesTheCallersThreadForAnyStore() {
		postgres().withPropertyValues("flows.store.guard.isolation=caller-thread")
			.run((context) -> assertThat(context.getBean(TaskStoreGuard.class).isolation())
				.isEqualTo(Isolation.CALLER_THREAD));
		this.runner.withUserConfiguration(RecordingStoreConfiguration.class)
			.withPropertyValues("flows.store.guard.isolation=caller-thread")
			.run((context) -> {
				loadUnknownTask(context);
				assertThat(context.getBean(RecordingStore.class).lastCaller.get()).isSameAs(Thread.currentThread());
			});
	}

	@Test
	void thePropertyChoosesTheGuardsThreadsForAnyStore() {
		this.runner.withPropertyValues("flows.store.guard.isolation=guard-thread")
			.run((context) -> assertThat(context.getBean(TaskStoreGuard.class).isolation())
				.isEqualTo(Isolation.GUARD_THREAD));
	}

	/**
	 * The first call opens the client's connection, which on a busy machine can take
	 * longer than the default timeout; these tests are about the thread, not the time.
	 */
	private static final String FIRST_CONNECTION_TIMEOUT = "flows.store.guard.timeout=30s";

	private ApplicationContextRunner postgres() {
		return this.runner
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class))
			.withPropertyValues("flows.store.type=jpa", "spring.datasource.url=" + TestServers.postgresJdbcUrl(),
					"spring.datasource.username=postgres", "flows.jpa.initialize-schema=always",
					FIRST_CONNECTION_TIMEOUT);
	}

	// --- metrics
	// --------------------------------------------------------------------------------

	@Test
	void theCircuitBreakersMetricsAreBoundToTheMeterRegistry() {
		this.runner
			.withConfiguration(
					AutoConfigurations.of(MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
			.run((context) -> {
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.get("resilience4j.circuitbreaker.state")
					.tag("name", TaskStoreGuard.CIRCUIT_BREAKER_NAME)
					.tag("state", "closed")
					.gauge()
					.value()).isEqualTo(1);
				loadUnknownTask(context);
				assertThat(meters.get("resilience4j.circuitbreaker.calls")
					.tag("name", TaskStoreGuard.CIRCUIT_BREAKER_NAME)
					.tag("kind", "successful")
					.timer()
					.count()).isOne();
			});
	}

	@Test
	void circuitBreakerMetricsBackOff() {
		this.runner.withUserConfiguration(UserMetricsConfiguration.class)
			.run((context) -> assertThat(context).getBean("flowsTaskStoreCircuitBreakerMetrics")
				.isSameAs(UserMetricsConfiguration.BINDER));
	}

	@Test
	void withoutResilience4jMicrometerThereAreNoMetrics() {
		this.runner.withClassLoader(new FilteredClassLoader("io.github.resilience4j.micrometer"))
			.run((context) -> assertThat(context).hasSingleBean(TaskStoreGuard.class)
				.doesNotHaveBean("flowsTaskStoreCircuitBreakerMetrics"));
	}

	private static void loadUnknownTask(AssertableApplicationContext context) {
		assertThatExceptionOfType(TaskNotFoundException.class)
			.isThrownBy(() -> context.getBean(FlowEngine.class).load(TaskIds.newId()));
	}

	/** A store that remembers which thread called it last, and knows no task. */
	static class RecordingStore {

		final AtomicReference<Thread> lastCaller = new AtomicReference<>();

		final TaskStore store = mock(TaskStore.class);

		RecordingStore() {
			given(this.store.find(anyString())).willAnswer((invocation) -> {
				this.lastCaller.set(Thread.currentThread());
				return Optional.empty();
			});
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingStoreConfiguration {

		@Bean
		RecordingStore recordingStore() {
			return new RecordingStore();
		}

		@Bean
		TaskStore taskStore(RecordingStore recording) {
			return recording.store;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserGuardConfiguration {

		@Bean
		TaskStoreGuard myGuard() {
			return TaskStoreGuard.builder().timeout(Duration.ofSeconds(9)).withoutCircuitBreaker().build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserMetricsConfiguration {

		static final MeterBinder BINDER = (registry) -> {
		};

		@Bean
		MeterBinder flowsTaskStoreCircuitBreakerMetrics() {
			return BINDER;
		}

	}

}
