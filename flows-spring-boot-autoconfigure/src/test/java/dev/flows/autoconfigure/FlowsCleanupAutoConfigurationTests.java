package dev.flows.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.flows.engine.TaskExpiredEvent;
import dev.flows.engine.TaskIds;
import dev.flows.store.ExpiredTasksRemovedEvent;
import dev.flows.store.TaskCleaner;
import dev.flows.store.TaskRecord;
import dev.flows.store.TaskStore;
import dev.flows.store.memory.InMemoryTaskStore;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.TriggerTask;
import org.springframework.scheduling.support.CronTrigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class FlowsCleanupAutoConfigurationTests {

	private static final Instant NOW = Instant.parse("2030-01-01T10:00:00Z");

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(FlowsStoreAutoConfiguration.class, FlowsCleanupAutoConfiguration.class));

	// --- cleaner and schedule
	// -------------------------------------------------------------------

	@Test
	void cleanerIsScheduledWithTheDefaultCron() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(TaskCleaner.class).hasSingleBean(SchedulingConfigurer.class);
			assertThat(context.getBean(TaskCleaner.class).batchSize()).isEqualTo(500);
			assertThat(context.getBean(TaskCleaner.class).store()).isSameAs(context.getBean(TaskStore.class));
			assertThat(cronExpressions(context.getBean(ScheduledAnnotationBeanPostProcessor.class)))
				.containsExactly("0 */5 * * * *");
		});
	}

	@Test
	void cronAndBatchSizeComeFromProperties() {
		this.runner.withPropertyValues("flows.cleanup.cron=0 0 * * * *", "flows.cleanup.batch-size=50")
			.run((context) -> {
				assertThat(context.getBean(TaskCleaner.class).batchSize()).isEqualTo(50);
				assertThat(cronExpressions(context.getBean(ScheduledAnnotationBeanPostProcessor.class)))
					.containsExactly("0 0 * * * *");
			});
	}

	@Test
	void disabledCleanupSchedulesNothingAndLeavesSchedulingOff() {
		this.runner.withPropertyValues("flows.cleanup.enabled=false").run((context) -> {
			assertThat(context).hasSingleBean(TaskCleaner.class)
				.doesNotHaveBean(SchedulingConfigurer.class)
				.doesNotHaveBean(ScheduledAnnotationBeanPostProcessor.class);
		});
	}

	@Test
	void anInvalidCronFailsAtStartupWithThePropertyAndTheFix() {
		this.runner.withPropertyValues("flows.cleanup.cron=every five minutes").run((context) -> {
			FailureAnalysis analysis = FlowsFailureAnalyzerTests.analyze(context);
			assertThat(analysis.getDescription())
				.startsWith("Invalid value 'every five minutes' for configuration property 'flows.cleanup.cron'");
			assertThat(analysis.getAction()).contains("'0 */5 * * * *'").contains("flows.cleanup.enabled=false");
		});
	}

	@Test
	void theScheduleRemovesExpiredTasks() {
		this.runner.withUserConfiguration(StoreWithExpiredTasks.class)
			.withPropertyValues("flows.cleanup.cron=* * * * * *", "flows.cleanup.batch-size=2")
			.run((context) -> {
				InMemoryTaskStore store = context.getBean(InMemoryTaskStore.class);
				// the run is recorded once the cleaner returns, just after the store
				// shrank
				await().atMost(Duration.ofSeconds(10))
					.until(() -> store.size() == 1 && context.getBean(FlowsCleanup.class).lastRun() != null);
				assertThat(store.find(StoreWithExpiredTasks.LIVE.id())).isPresent();
				FlowsCleanup.Run run = context.getBean(FlowsCleanup.class).lastRun();
				assertThat(run).isNotNull();
				assertThat(run.failure()).isNull();
			});
	}

	@Test
	void taskCleanerBacksOff() {
		this.runner.withUserConfiguration(UserCleanerConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(TaskCleaner.class)
				.getBean(TaskCleaner.class)
				.isSameAs(context.getBean("myCleaner")));
	}

	@Test
	void withoutATaskStoreThereIsNoCleanup() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(FlowsCleanupAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(TaskCleaner.class)
				.doesNotHaveBean(SchedulingConfigurer.class)
				.doesNotHaveBean(FlowsEndpoint.class));
	}

	// --- actuator endpoint
	// ----------------------------------------------------------------------

	@Test
	void endpointIsAbsentUnlessExposed() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(FlowsEndpoint.class));
	}

	@Test
	void endpointIsAbsentWithoutActuator() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.withPropertyValues("management.endpoints.web.exposure.include=flows")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(FlowsEndpoint.class));
	}

	@Test
	void endpointBacksOff() {
		this.runner.withUserConfiguration(UserEndpointConfiguration.class)
			.withPropertyValues("management.endpoints.web.exposure.include=flows")
			.run((context) -> assertThat(context).hasSingleBean(FlowsEndpoint.class)
				.getBean(FlowsEndpoint.class)
				.isSameAs(context.getBean("myEndpoint")));
	}

	@Test
	void theCleanupAnnouncesEachAbandonedTaskItRemovesOnce() {
		this.runner.withConfiguration(AutoConfigurations.of(FlowsAutoConfiguration.class))
			.withUserConfiguration(StoreWithExpiredTasks.class)
			.withPropertyValues("flows.cleanup.enabled=false")
			.run((context) -> {
				FlowsCleanup cleanup = context.getBean(FlowsCleanup.class);
				assertThat(cleanup.run()).isEqualTo(5);
				assertThat(cleanup.run()).isZero();

				List<TaskExpiredEvent> expired = context.getBean(RemovalListener.class).expired;
				assertThat(expired).hasSize(5).allSatisfy((event) -> {
					assertThat(event.flowId()).isEqualTo("f");
					assertThat(event.step()).isEqualTo("step");
					assertThat(event.at()).isBefore(NOW);
				});
				assertThat(expired).extracting(TaskExpiredEvent::taskId).doesNotHaveDuplicates();
			});
	}

	@Test
	void endpointRunsTheCleanupOnDemandAndReportsIt() {
		this.runner.withUserConfiguration(StoreWithExpiredTasks.class)
			.withPropertyValues("management.endpoints.web.exposure.include=flows", "flows.cleanup.batch-size=2",
					"flows.cleanup.enabled=false")
			.run((context) -> {
				FlowsEndpoint endpoint = context.getBean(FlowsEndpoint.class);
				FlowsEndpoint.FlowsReport before = endpoint.flows();
				assertThat(before.store().type()).isEqualTo("memory");
				assertThat(before.store().className()).isEqualTo(InMemoryTaskStore.class.getName());
				assertThat(before.cleanup().enabled()).isFalse();
				assertThat(before.cleanup().batchSize()).isEqualTo(2);
				assertThat(before.cleanup().lastRunAt()).isNull();

				assertThat(endpoint.cleanup().removed()).isEqualTo(5);
				assertThat(context.getBean(RemovalListener.class).events)
					.containsExactly(new ExpiredTasksRemovedEvent(5, NOW));
				assertThat(context.getBean(InMemoryTaskStore.class).size()).isOne();
				FlowsEndpoint.FlowsReport after = endpoint.flows();
				assertThat(after.cleanup().lastRemoved()).isEqualTo(5);
				assertThat(after.cleanup().lastRunAt()).isEqualTo(NOW);
				assertThat(endpoint.cleanup().removed()).isZero();
				assertThat(context.getBean(RemovalListener.class).events).as("a run that removed nothing").hasSize(1);
				assertThat(after.liveTasks().available()).isTrue();
				assertThat(after.liveTasks().total()).isOne();
				assertThat(after.liveTasks().flows().get("f").steps()).containsExactly(Map.entry("step", 1L));
			});
	}

	@Test
	void endpointNamesTheJpaStore() {
		this.runner
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=flows")
			.run((context) -> {
				FlowsEndpoint endpoint = context.getBean(FlowsEndpoint.class);
				assertThat(endpoint.flows().store().type()).isEqualTo("jpa");
				assertThat(endpoint.cleanup().removed()).isZero();
			});
	}

	private static List<String> cronExpressions(ScheduledAnnotationBeanPostProcessor scheduling) {
		Set<ScheduledTask> tasks = scheduling.getScheduledTasks();
		return tasks.stream()
			.map(ScheduledTask::getTask)
			.filter(TriggerTask.class::isInstance)
			.map((task) -> ((TriggerTask) task).getTrigger())
			.filter(CronTrigger.class::isInstance)
			.map((trigger) -> ((CronTrigger) trigger).getExpression())
			.toList();
	}

	/**
	 * A memory store with five expired tasks and one live one, and a clock at
	 * {@link #NOW}.
	 */
	@Configuration(proxyBeanMethods = false)
	static class StoreWithExpiredTasks {

		static final TaskRecord LIVE = record(NOW.plusSeconds(60));

		@Bean
		InMemoryTaskStore taskStore() {
			InMemoryTaskStore store = new InMemoryTaskStore();
			for (int i = 1; i <= 5; i++) {
				store.insert(record(NOW.minusSeconds(i)));
			}
			store.insert(LIVE);
			return store;
		}

		@Bean
		Clock clock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

		@Bean
		RemovalListener removalListener() {
			return new RemovalListener();
		}

		private static TaskRecord record(Instant expiresAt) {
			return new TaskRecord(TaskIds.newId(), "f", "step", null, null, null, null, "ACTIVE", 0, NOW, NOW,
					expiresAt);
		}

	}

	static class RemovalListener {

		final List<ExpiredTasksRemovedEvent> events = new CopyOnWriteArrayList<>();

		final List<TaskExpiredEvent> expired = new CopyOnWriteArrayList<>();

		@EventListener
		void removed(ExpiredTasksRemovedEvent event) {
			this.events.add(event);
		}

		@EventListener
		void expired(TaskExpiredEvent event) {
			this.expired.add(event);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserCleanerConfiguration {

		@Bean
		TaskCleaner myCleaner(TaskStore store) {
			return new TaskCleaner(store, Clock.systemUTC(), 7);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserEndpointConfiguration {

		@Bean
		FlowsEndpoint myEndpoint() {
			return new FlowsEndpoint(new InMemoryTaskStore(),
					new FlowsCleanup(new TaskCleaner(new InMemoryTaskStore(), Clock.systemUTC(), 1), Clock.systemUTC()),
					new FlowsProperties.Cleanup(), null);
		}

	}

}
