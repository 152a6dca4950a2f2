package dev.flows.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;

import dev.flows.definition.FlowBuilder;
import dev.flows.definition.FlowDefinition;
import dev.flows.definition.OnGet;
import dev.flows.definition.Outcome;
import dev.flows.engine.FlowEngine;
import dev.flows.engine.FlowEvent;
import dev.flows.engine.MutableClock;
import dev.flows.engine.StepCompletedEvent;
import dev.flows.engine.Task;
import dev.flows.engine.TaskCancelledEvent;
import dev.flows.engine.TaskCompletedEvent;
import dev.flows.engine.TaskExpiredException;
import dev.flows.engine.TaskStartedEvent;
import dev.flows.engine.TaskTransitionedEvent;
import dev.flows.observation.DefaultFlowsObservationConvention;
import dev.flows.observation.FlowsObservationContext;
import dev.flows.observation.FlowsObservationConvention;
import dev.flows.observation.ObservationFlowObserver;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Metrics and traces through Micrometer's Observation API when the application has an
 * {@link ObservationRegistry}, and the lifecycle events as application events.
 */
class FlowsObservationAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FlowsStoreAutoConfiguration.class, FlowsAutoConfiguration.class,
				FlowsObservationAutoConfiguration.class))
		.withUserConfiguration(ShortFlow.class);

	@Test
	void withAnObservationRegistryTheEngineIsObserved() {
		this.runner.withUserConfiguration(Registry.class).run((context) -> {
			assertThat(context).hasSingleBean(ObservationFlowObserver.class).hasBean("flowsObservationObserver");
			walk(context.getBean(FlowEngine.class), 2);

			assertThat(context.getBean(TestObservationRegistry.class))
				.hasAnObservation((observation) -> observation.hasNameEqualTo("flows.task")
					.hasLowCardinalityKeyValue("flow", "short")
					.hasLowCardinalityKeyValue("event", "started"))
				.hasAnObservation((observation) -> observation.hasNameEqualTo("flows.task")
					.hasLowCardinalityKeyValue("event", "completed"))
				.hasNumberOfObservationsWithNameEqualTo("flows.step.entry", 2);
		});
	}

	@Test
	void withoutAnObservationRegistryNothingIsObserved() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(FlowEngine.class)
			.doesNotHaveBean(ObservationFlowObserver.class));
	}

	@Test
	void withoutMicrometerNothingIsObservedAndTheEngineRuns() {
		this.runner.withClassLoader(new FilteredClassLoader("io.micrometer")).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(ObservationFlowObserver.class);
			walk(context.getBean(FlowEngine.class), 2);
		});
	}

	@Test
	void observationObserverBacksOff() {
		this.runner.withUserConfiguration(Registry.class, UserObserver.class)
			.run((context) -> assertThat(context).hasSingleBean(ObservationFlowObserver.class)
				.getBean(ObservationFlowObserver.class)
				.isSameAs(context.getBean("myObserver")));
	}

	@Test
	void conventionBeansNameTheKindsTheySupport() {
		this.runner.withUserConfiguration(Registry.class, UserConvention.class).run((context) -> {
			walk(context.getBean(FlowEngine.class), 0);
			assertThat(context.getBean(TestObservationRegistry.class))
				.hasNumberOfObservationsWithNameEqualTo("checkout.task", 1)
				.hasNumberOfObservationsWithNameEqualTo("flows.task", 0);
		});
	}

	@Test
	void lifecycleEventsArePublishedOnceInOrderAfterEachStoredChange() {
		this.runner.withUserConfiguration(Listener.class).run((context) -> {
			FlowEngine engine = context.getBean(FlowEngine.class);
			Listener listener = context.getBean(Listener.class);
			Task finished = walk(engine, 2);
			Task cancelled = walk(engine, 1);
			engine.cancel(engine.load(cancelled.id()), null);
			Task notStored = engine.newTask(finished.flow(), "user", null);
			engine.cancel(notStored, null);

			assertThat(listener.events).containsExactly(new Heard(TaskStartedEvent.class, finished.id(), "first"),
					new Heard(StepCompletedEvent.class, finished.id(), "first"),
					new Heard(StepCompletedEvent.class, finished.id(), "second"),
					new Heard(TaskCompletedEvent.class, finished.id(), "second"),
					new Heard(TaskStartedEvent.class, cancelled.id(), "first"),
					new Heard(StepCompletedEvent.class, cancelled.id(), "first"),
					new Heard(TaskCancelledEvent.class, cancelled.id(), "second"));
			assertThat(listener.transitions).as("the events of moves are still published").hasSize(5);
		});
	}

	@Test
	void anExpiredTaskIsCountedWhetherARequestOrTheCleanupFindsIt() {
		this.runner.withConfiguration(AutoConfigurations.of(FlowsCleanupAutoConfiguration.class))
			.withUserConfiguration(Meters.class)
			.withPropertyValues("flows.task.idle-timeout=5m", "flows.cleanup.enabled=false")
			.run((context) -> {
				FlowEngine engine = context.getBean(FlowEngine.class);
				Task foundByARequest = walk(engine, 0);
				walk(engine, 1);
				context.getBean(MutableClock.class).advance(Duration.ofMinutes(5));

				assertThatExceptionOfType(TaskExpiredException.class)
					.isThrownBy(() -> engine.load(foundByARequest.id()));
				assertThat(context.getBean(FlowsCleanup.class).run()).as("the other task, left to the cleanup").isOne();

				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(expired(meters, "first")).as("found expired by a request").isOne();
				assertThat(expired(meters, "second")).as("removed by the cleanup").isOne();
			});
	}

	private static long expired(MeterRegistry meters, String step) {
		Timer timer = meters.find("flows.task").tags("flow", "short", "event", "expired", "step", step).timer();
		return (timer != null) ? timer.count() : 0;
	}

	/** A task stored after completing {@code steps} steps of the short flow. */
	private static Task walk(FlowEngine engine, int steps) {
		Task task = engine.newTask(engine.registry().byId("short").orElseThrow(), "user", null);
		for (int i = 0; i < steps; i++) {
			engine.apply(task, task.position(), Outcome.complete(), null);
		}
		engine.save(task);
		return task;
	}

	record Heard(Class<?> type, String taskId, String step) {
	}

	@Configuration(proxyBeanMethods = false)
	static class Listener {

		final List<Heard> events = new ArrayList<>();

		final List<TaskTransitionedEvent> transitions = new ArrayList<>();

		@EventListener
		void on(FlowEvent event) {
			String step = (event instanceof TaskStartedEvent started) ? started.step()
					: (event instanceof StepCompletedEvent completed) ? completed.step()
							: (event instanceof TaskCompletedEvent completed) ? completed.lastStep()
									: ((TaskCancelledEvent) event).step();
			this.events.add(new Heard(event.getClass(), event.taskId(), step));
		}

		@EventListener
		void on(TaskTransitionedEvent event) {
			this.transitions.add(event);
		}

	}

	/**
	 * Observations recorded as Micrometer timers, as Actuator records them, and a clock
	 * the test moves.
	 */
	@Configuration(proxyBeanMethods = false)
	static class Meters {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		ObservationRegistry observationRegistry(MeterRegistry meters) {
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
			return registry;
		}

		@Bean
		MutableClock clock() {
			return new MutableClock(Instant.parse("2030-05-01T09:00:00Z"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Registry {

		@Bean
		TestObservationRegistry observationRegistry() {
			return TestObservationRegistry.create();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserObserver {

		@Bean
		ObservationFlowObserver myObserver(ObservationRegistry registry) {
			return new ObservationFlowObserver(registry);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserConvention {

		@Bean
		FlowsObservationConvention checkoutConvention() {
			return new DefaultFlowsObservationConvention(FlowsObservationContext.Kind.TASK) {

				@Override
				public String getName() {
					return "checkout.task";
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ShortFlow {

		@Bean
		FlowDefinition shortFlow() {
			return FlowBuilder.flow("short", "/short")
				.onComplete("redirect:/done")
				.action(First.class)
				.action(Second.class)
				.build();
		}

	}

	static class First {

		@OnGet
		String show() {
			return "first";
		}

	}

	static class Second {

		@OnGet
		String show() {
			return "second";
		}

	}

}
